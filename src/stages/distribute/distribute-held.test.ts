import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../warehouse/index.js';
import { distributeOptions, insertExampleWithNewComposer, insertParty } from './claim-tables.fixture.js';
import { distribute, type DistributeOptions } from './distribute.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertExampleWithNewComposer(store, 'P-NEW');
});
afterEach(() => store.close());

const opts = (period: string, date: string, extra: Partial<DistributeOptions> = {}) =>
  distributeOptions({ period, date, now: () => new Date(`${date}T00:00:00Z`), ...extra });

const net = async (party: string) =>
  (
    await store.one<{ net: bigint }>(
      `SELECT coalesce(sum(net), 0)::HUGEINT AS net FROM statement_lines WHERE party_id = '${party}' AND payee_kind = 'member'`,
    )
  )?.net;

describe('distribute: held money', () => {
  it('releases an unknown party’s held share once the party is registered as a member', async () => {
    await distribute(store, opts('2024-03', '2024-07-05'));
    await insertParty(store, { id: 'P-NEW', name: 'New Composer', member: true, pr: '058' });
    const later = await distribute(store, opts('2024-06', '2024-10-05'));
    expect(later.conservation).toMatchObject({
      collected: 0n,
      paid: 43_000_000n,
      held: -43_000_000n,
      ok: true,
    });
    expect(later.held.balances).toEqual([]);
    expect(await net('P-NEW')).toBe(43_000_000n);
  });

  it('redistributes a share held past the limit to the line’s other holders, or keeps it when configured so', async () => {
    await distribute(store, opts('2024-03', '2024-07-05'));
    const kept = await distribute(store, opts('2027-06', '2027-07-05', { config: { heldAtLimit: 'keep' } }));
    expect(kept.statements.lines).toBe(0);
    expect(kept.held.balances[0]).toMatchObject({
      reason: 'unknown-party',
      amount: 43_000_000n,
      age_days: 1095,
      collection_year: 2024,
    });
    const released = await distribute(store, opts('2027-06', '2027-07-06'));
    expect(released.conservation).toMatchObject({
      collected: 0n,
      paid: 43_000_000n,
      held: -43_000_000n,
      ok: true,
    });
    expect(released.held.balances).toEqual([]);
    expect(await net('P-A')).toBe(86_000_000n); // 43.00 own share + 43.00 redistributed
  });

  it('keeps a share held before the limit', async () => {
    await distribute(store, opts('2024-03', '2024-07-05'));
    const early = await distribute(store, opts('2027-06', '2027-07-04'));
    expect(early.statements.lines).toBe(0);
    expect(early.held.balances[0]).toMatchObject({ amount: 43_000_000n, age_days: 1094 });
  });
});
