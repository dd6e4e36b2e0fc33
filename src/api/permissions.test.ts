/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- tests read untyped JSON response bodies */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents, verifyAuditTrail } from './audit-trail.js';
import { buildApi } from './build-api.js';
import { createApiFixture, type ApiFixture } from './fixture.test-support.js';

// Each role's permissions, over real HTTP on loopback (the definition of done).
let fx: ApiFixture;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  fx = await createApiFixture();
  app = await buildApi({ store: fx.store, now: fx.now });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  fx.store.close();
});

async function get(path: string, who?: keyof ApiFixture['tokens']) {
  const res = await fetch(base + path, { headers: who ? { authorization: `Bearer ${fx.tokens[who]}` } : {} });
  const type = res.headers.get('content-type') ?? '';
  const body: any = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body: body as Record<string, any> };
}

const member1Statement = '/distributions/D1/statements/IPI:00000000199';
const member2Statement = '/distributions/D1/statements/IPI:00000000297';

describe('permissions over HTTP', () => {
  it('answers 401 without a key on every route, the OpenAPI document included', async () => {
    for (const path of ['/works', '/claims', '/invoices', member1Statement, '/audit-events', '/openapi.json', '/exports/claims.csv']) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(res.type).toMatch(/problem\+json/);
    }
  });

  it('lets a member read its own statement but not another member’s', async () => {
    const own = await get(member1Statement, 'member1');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ gross: '2000000', net: '1900000', lines: '1' });
    const other = await get(member2Statement, 'member1');
    expect(other.status).toBe(403);
    expect(other.body['detail']).toMatch(/only its own statements/);
    expect((await get(`${member2Statement}/lines.csv`, 'member1')).status).toBe(403);
  });

  it('lists a member’s statements only', async () => {
    const res = await get('/statements', 'member1');
    expect(res.body['items']).toEqual([expect.objectContaining({ partyId: 'IPI:00000000199', net: '1900000' })]);
  });

  it('shows a partner society the remittances to it and claims under its mandates only', async () => {
    const statements = await get('/statements', 'partner');
    expect(statements.body['items']).toEqual([expect.objectContaining({ payee: 'SOC:052', net: '285000' })]);
    expect((await get('/distributions/D1/statements/SOC:052', 'partner')).status).toBe(200);
    expect((await get(member1Statement, 'partner')).status).toBe(403);
    const claims = await get('/claims', 'partner');
    expect(claims.body['items'].map((c: { claimId: string }) => c.claimId)).toEqual(['C2']);
  });

  it('lets a service read its own claims and invoices but not another service’s', async () => {
    const claims = await get('/claims', 'serviceA');
    expect(claims.body['items'].map((c: { claimId: string }) => c.claimId)).toEqual(['C1']);
    expect((await get('/claims?reportId=SVCB-1', 'serviceA')).body['items']).toEqual([]);
    expect((await get('/invoices/INV-A', 'serviceA')).body).toMatchObject({ amount: '1125000000' });
    expect((await get('/invoices/INV-B', 'serviceA')).status).toBe(403);
    expect((await get('/reports/SVCB-1', 'serviceA')).status).toBe(403);
    const csv = await get('/exports/claims.csv', 'serviceB');
    expect(csv.type).toMatch(/text\/csv/);
    expect(`${csv.body as unknown as string}`.trim().split('\n')).toHaveLength(2);
    expect(`${csv.body as unknown as string}`).toContain('C2,INV-B,SVCB-1,W3');
  });

  it('keeps money exact beyond 2^53', async () => {
    expect((await get('/invoices/INV-B', 'operator')).body['amount']).toBe('99000000000000000000');
  });

  it('answers 403 for a role a route does not name', async () => {
    const cases: [string, keyof ApiFixture['tokens']][] = [
      ['/works', 'serviceA'],
      ['/claims', 'member1'],
      ['/invoices', 'partner'],
      ['/distributions', 'member1'],
      ['/review-queue', 'serviceA'],
      ['/audit-events', 'member1'],
      ['/audit-events/verify', 'operator'],
      ['/reports', 'partner'],
    ];
    for (const [path, who] of cases) {
      const res = await get(path, who);
      expect(res.status, `${who} ${path}`).toBe(403);
      expect(res.body['code']).toBe('FORBIDDEN');
    }
  });

  it('lets operators see everything and reads the review queue best first', async () => {
    expect((await get('/statements', 'operator')).body['total']).toBe(3);
    const queue = await get('/review-queue', 'operator');
    expect(queue.body['items']).toEqual([expect.objectContaining({ resourceRef: 'R2', status: 'review', evidence: { title: 0.8 } })]);
    expect((await get('/reports/SVCA-1', 'operator')).body).toMatchObject({ matches: { accepted: '1', review: '1' } });
  });

  it('writes reads of money, shares and statements to a verifiable audit trail', async () => {
    await get(member1Statement, 'member1');
    await get('/works/W1', 'member1');
    const events = await listAuditEvents(fx.store, { resourcePrefix: 'statements/D1/IPI:00000000199', limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    expect(await listAuditEvents(fx.store, { resourcePrefix: 'works/W1', limit: 10 })).not.toHaveLength(0);
    const verify = await get('/audit-events/verify', 'admin');
    expect(verify.body).toMatchObject({ ok: true });
    expect((await verifyAuditTrail(fx.store)).entries).toBe(verify.body['entries']);
  });
});
