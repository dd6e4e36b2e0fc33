import { describe, expect, it } from 'vitest';
import { authenticate } from './api-keys.js';
import { verifyAuditTrail } from './audit-trail.js';
import { createApiFixture } from './fixture.test-support.js';
import { seedDemoAccounts } from './seed-demo-accounts.js';

describe('seedDemoAccounts', () => {
  it('creates admin, operator, a member bound to a member party and a service bound to a sender, with working keys, once', async () => {
    const { store, now } = await createApiFixture();
    try {
      const accounts = await seedDemoAccounts(store, now);
      expect(accounts.map((a) => [a.role, a.partyId ?? a.service])).toEqual([
        ['admin', null],
        ['operator', null],
        ['member', 'IPI:00000000199'],
        ['service', 'SVC-A'],
      ]);
      for (const a of accounts) expect(await authenticate(store, a.token, now)).toMatchObject({ ok: true, principal: { role: a.role } });
      expect(await seedDemoAccounts(store, now)).toEqual([]);
      expect((await verifyAuditTrail(store)).entries).toBe(4);
    } finally {
      store.close();
    }
  });
});
