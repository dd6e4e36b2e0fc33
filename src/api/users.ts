import { randomBytes } from 'node:crypto';
import { TuttiError } from '../domain/index.js';
import { sql, type Store } from '../warehouse/index.js';
import { forgetKnownKeys } from './api-keys.js';
import { isRole, type Role } from './principal.js';

/** A user of the API as stored in `users` (never a secret). */
export interface User {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly service: string | null;
  readonly society: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface NewUser {
  readonly name: string;
  readonly role: string;
  readonly partyId?: string | undefined;
  readonly service?: string | undefined;
  readonly society?: string | undefined;
}

interface UserRow {
  user_id: string;
  name: string;
  role: string;
  party_id: string | null;
  service: string | null;
  society: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

function toUser(row: UserRow): User {
  return {
    userId: row.user_id,
    name: row.name,
    role: row.role as Role,
    partyId: row.party_id,
    service: row.service,
    society: row.society,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

/**
 * Creates a user. The narrow roles must say whose data they see: a member its `partyId`, a
 * service its `service` (report sender), a partner its `society`; a user without that binding
 * would see nothing or, worse, be mistaken for a broader role, so it is refused.
 */
export async function createUser(store: Store, user: NewUser, now: () => Date): Promise<User> {
  if (!isRole(user.role)) {
    throw new TuttiError('USAGE', `unknown role "${user.role}": use admin, operator, member, partner or service`, { field: 'role', value: user.role });
  }
  const needs: Partial<Record<Role, keyof NewUser>> = { member: 'partyId', service: 'service', partner: 'society' };
  const needed = needs[user.role];
  if (needed !== undefined && !user[needed]) {
    throw new TuttiError('USAGE', `a ${user.role} user needs --${needed === 'partyId' ? 'party' : needed}: it says whose data the user may see`, { field: needed });
  }
  if (user.name.trim() === '') throw new TuttiError('USAGE', 'a user needs a name', { field: 'name' });
  if ((await store.one(sql`SELECT 1 FROM users WHERE name = ${user.name}`)) !== undefined) {
    throw new TuttiError('CONFLICT', `a user named "${user.name}" already exists: choose another name`, { field: 'name', value: user.name });
  }
  const userId = `usr_${randomBytes(6).toString('hex')}`;
  await store.run(sql`INSERT INTO users (user_id, name, role, party_id, service, society, created_at)
    VALUES (${userId}, ${user.name}, ${user.role}, ${user.partyId ?? null}, ${user.service ?? null}, ${user.society ?? null}, ${now().toISOString()}::TIMESTAMP)`);
  return (await findUser(store, userId)) as User;
}

/** The user with this id, or undefined. */
export async function findUser(store: Store, userId: string): Promise<User | undefined> {
  const row = await store.one<UserRow>(sql`SELECT * FROM users WHERE user_id = ${userId}`);
  return row ? toUser(row) : undefined;
}

/** Every user, oldest first. */
export async function listUsers(store: Store): Promise<User[]> {
  return (await store.all<UserRow>('SELECT * FROM users ORDER BY created_at, user_id')).map(toUser);
}

/** Revokes a user and every key of theirs; revoking twice keeps the first time. */
export async function revokeUser(store: Store, userId: string, now: () => Date): Promise<User> {
  const user = await findUser(store, userId);
  if (!user) throw new TuttiError('NOT_FOUND', `no user ${userId}: see \`tutti users list\``, { value: userId });
  const at = now().toISOString();
  await store.run(sql`UPDATE users SET revoked_at = ${at}::TIMESTAMP WHERE user_id = ${userId} AND revoked_at IS NULL`);
  await store.run(sql`UPDATE api_keys SET revoked_at = ${at}::TIMESTAMP WHERE user_id = ${userId} AND revoked_at IS NULL`);
  forgetKnownKeys(store);
  return (await findUser(store, userId)) as User;
}
