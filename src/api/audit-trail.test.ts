/* eslint-disable @typescript-eslint/no-unsafe-assignment -- tests read untyped rows */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { appendAuditEvent, listAuditEvents, verifyAuditTrail } from './audit-trail.js';

let store: Store;
let tick = 0;
const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++));

beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(() => store.close());

async function fill(n: number) {
  for (let i = 0; i < n; i++) {
    await appendAuditEvent(store, { actor: `usr_${i % 3}`, action: 'read', resource: `statements/D1/P${i}`, detail: { amount: BigInt(i) * 1_000_000n, z: 1, a: [i] } }, now);
  }
}

describe('audit trail', () => {
  it('chains concurrent appends without forking', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEvent(store, { actor: 'a', action: 'read', resource: `r/${i}` }, now)));
    const result = await verifyAuditTrail(store);
    expect(result).toMatchObject({ ok: true, entries: 20, headSeq: 20 });
  });

  it('writes appends that arrive together in call order, more than one batch of them', async () => {
    const written = await Promise.all(Array.from({ length: 300 }, (_, i) => appendAuditEvent(store, { actor: 'a', action: 'read', resource: `r/${i}` }, now)));
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const listed = await listAuditEvents(store, { limit: 1000 });
    expect(listed.map((e) => e.resource)).toEqual(Array.from({ length: 300 }, (_, i) => `r/${i}`));
    expect((await verifyAuditTrail(store)).ok).toBe(true);
  });

  it('refuses an entry whose detail is not JSON without losing the others', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const results = await Promise.allSettled([
      appendAuditEvent(store, { actor: 'a', action: 'read', resource: 'r/1' }, now),
      appendAuditEvent(store, { actor: 'a', action: 'read', resource: 'r/bad', detail: cyclic }, now),
      appendAuditEvent(store, { actor: 'a', action: 'read', resource: 'r/2' }, now),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await listAuditEvents(store, { limit: 10 })).map((e) => e.resource)).toEqual(['r/1', 'r/2']);
    expect((await verifyAuditTrail(store)).ok).toBe(true);
  });

  it('verifies an untouched trail across pages', async () => {
    await fill(7);
    expect(await verifyAuditTrail(store, 3)).toMatchObject({ ok: true, entries: 7 });
  });

  it('detects any changed field of any entry', async () => {
    await fill(5);
    const columns = ['actor', 'action', 'resource'] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...columns, 'detail', 'at'), async (seq, column) => {
        const before = await store.one<Record<string, unknown>>(`SELECT actor, action, resource, detail::VARCHAR AS detail, "at"::VARCHAR AS at FROM audit_events WHERE seq = ${seq}`);
        if (column === 'detail') await store.run(`UPDATE audit_events SET detail = '{"amount":"999"}' WHERE seq = ${seq}`);
        else if (column === 'at') await store.run(`UPDATE audit_events SET "at" = "at" + INTERVAL 1 SECOND WHERE seq = ${seq}`);
        else await store.run(`UPDATE audit_events SET ${column} = ${column} || 'x' WHERE seq = ${seq}`);
        const result = await verifyAuditTrail(store);
        expect(result.ok).toBe(false);
        expect(result.problem?.seq).toBe(seq);
        await store.run(`UPDATE audit_events SET actor = '${String(before?.['actor'])}', action = '${String(before?.['action'])}', resource = '${String(before?.['resource'])}', detail = '${String(before?.['detail'])}', "at" = '${String(before?.['at'])}' WHERE seq = ${seq}`);
        expect((await verifyAuditTrail(store)).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('detects an entry removed from the middle', async () => {
    await fill(5);
    await store.run('DELETE FROM audit_events WHERE seq = 3');
    expect(await verifyAuditTrail(store)).toMatchObject({ ok: false, problem: { seq: 4, reason: expect.stringContaining('missing') } });
  });

  it('detects entries removed from the end', async () => {
    await fill(5);
    await store.run('DELETE FROM audit_events WHERE seq >= 4');
    expect(await verifyAuditTrail(store)).toMatchObject({ ok: false, headSeq: 3, problem: { reason: expect.stringContaining('removed from the end') } });
  });

  it('detects a removed entry re-numbered to hide the gap', async () => {
    await fill(5);
    await store.run('DELETE FROM audit_events WHERE seq = 2');
    await store.run('UPDATE audit_events SET seq = seq - 1 WHERE seq > 2');
    expect((await verifyAuditTrail(store)).ok).toBe(false);
  });

  it('lists by actor and resource prefix, newest first on request', async () => {
    await fill(6);
    const mine = await listAuditEvents(store, { actor: 'usr_1', limit: 10, order: 'desc' });
    expect(mine.map((e) => e.seq)).toEqual([5, 2]);
    expect(mine[0]?.detail).toEqual({ a: [4], amount: '4000000', z: 1 });
    expect(await listAuditEvents(store, { resourcePrefix: 'statements/D1/P5', limit: 10 })).toHaveLength(1);
  });
});
