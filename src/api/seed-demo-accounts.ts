import { sql, type Store } from '../warehouse/index.js';
import { createApiKey } from './api-keys.js';
import { appendAuditEvent } from './audit-trail.js';
import type { Role } from './principal.js';
import { createUser } from './users.js';

export interface DemoAccount {
  readonly name: string;
  readonly role: Role;
  readonly userId: string;
  readonly token: string;
  readonly partyId: string | null;
  readonly service: string | null;
}

/**
 * Creates the demo users (admin, operator, one member bound to a member party of the store, one
 * service bound to the sender of a report) with a key each, and returns their tokens: the only
 * time they are visible. Users already there (by name) are skipped; their keys cannot be shown.
 */
export async function seedDemoAccounts(store: Store, now: () => Date): Promise<DemoAccount[]> {
  const member = await store.one<{ party_id: string }>(
    sql`SELECT party_id FROM parties WHERE is_member ORDER BY party_id LIMIT 1`,
  );
  const sender = await store.one<{ sender: string }>(sql`SELECT sender FROM reports ORDER BY sender LIMIT 1`);
  const wanted: { name: string; role: Role; partyId?: string; service?: string }[] = [
    { name: 'demo-admin', role: 'admin' },
    { name: 'demo-operator', role: 'operator' },
    ...(member ? [{ name: 'demo-member', role: 'member' as const, partyId: member.party_id }] : []),
    ...(sender ? [{ name: 'demo-service', role: 'service' as const, service: sender.sender }] : []),
  ];
  const accounts: DemoAccount[] = [];
  for (const w of wanted) {
    if (await store.one(sql`SELECT 1 FROM users WHERE name = ${w.name}`)) continue;
    const user = await createUser(store, w, now);
    const key = await createApiKey(store, { userId: user.userId }, now);
    await appendAuditEvent(store, { actor: 'cli:demo', action: 'create', resource: `users/${user.userId}`, detail: { role: user.role, keyId: key.keyId } }, now);
    accounts.push({ name: user.name, role: user.role, userId: user.userId, token: key.token, partyId: user.partyId, service: user.service });
  }
  return accounts;
}
