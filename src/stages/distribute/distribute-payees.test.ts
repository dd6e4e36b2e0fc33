import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import {
  distributeOptions as opts,
  insertExampleWithNewComposer,
  insertClaimLine,
  insertInvoice,
  insertParty,
  insertPayment,
  insertWorkedExample,
} from './claim-tables.fixture.js';
import { distribute } from './distribute.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterEach(() => store.close());

describe('distribute: who receives the money', () => {
  it('remits a sister-society member’s share to that society, not to the member', async () => {
    await insertWorkedExample(store, { members: { C: false } });
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    const result = await distribute(store, opts());
    expect(result.remittances).toEqual([
      { payee_kind: 'society', payee: '052', amount: 564_370_000n, lines: 2n },
    ]);
    expect(result.conservation).toMatchObject({
      paid: 1_370_630_000n,
      remitted: 564_370_000n,
      held: 0n,
      ok: true,
    });
  });

  it('holds the share of a party it does not know, with its reason and age', async () => {
    await insertExampleWithNewComposer(store, 'P-NOBODY');
    const result = await distribute(store, opts());
    // 100.00 − 13 % − 1 % = 86.00 net, half of it to the unknown composer.
    expect(result.held.balances).toEqual([
      {
        reason: 'unknown-party',
        amount: 43_000_000n,
        held_since: '2024-07-05',
        age_days: 0,
        collection_year: 2024,
      },
    ]);
    expect(result.conservation).toMatchObject({
      collected: 100_000_000n,
      paid: 43_000_000n,
      held: 43_000_000n,
      ok: true,
    });
    const later = await distribute(store, opts({ period: '2024-04', date: '2024-10-05' }));
    expect(later.held.balances[0]).toMatchObject({
      reason: 'unknown-party',
      amount: 43_000_000n,
      age_days: 92,
    });
    expect(later.conservation.collected).toBe(0n);
  });

  it('remits a mandate’s money whole to the mandator, after the mandate’s own commission only', async () => {
    await insertWorkedExample(store);
    await insertParty(store, { id: 'SOC-X', name: 'Mandator X', member: false, kind: 'society' });
    await store.run(
      `INSERT INTO mandates VALUES ('M-1', 'SOC-X', 'Mandator X', ['performing'], '+2WL', NULL, NULL, '2020-01-01', NULL, 500)`,
    );
    await insertInvoice(store, 'INV-M', 200_000_000n);
    await insertClaimLine(store, {
      claimId: 'C-M',
      invoiceId: 'INV-M',
      workId: 'W1',
      rightType: 'performing',
      claimed: 200_000_000n,
      shareClaimed: 10000,
      mandateId: 'M-1',
      shares: [{ party: 'P-A', role: 'A', share: 10000 }],
    });
    await insertPayment(store, 'pay-1', 'INV-M', 200_000_000n);
    const result = await distribute(store, opts());
    expect(result.remittances).toEqual([
      { payee_kind: 'mandator', payee: 'SOC-X', amount: 190_000_000n, lines: 1n },
    ]);
    expect(result.conservation).toMatchObject({
      commission: 10_000_000n,
      deductions: 0n,
      remitted: 190_000_000n,
      ok: true,
    });
  });

  it('carries a member’s balance below the payout threshold to the next run, then pays it', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_000_000n); // €2.00 of €2,250.00
    const first = await distribute(store, opts({ config: { payoutThreshold: micros(1_000_000n) } }));
    // 2.00 → net 1.72, mostly below €1.00 per member: A 0.43, C 0.43, E 0.86 (mechanical+performing).
    const balances = await store.all<{ party_id: string; earned: bigint; paid: bigint; carried: bigint }>(
      `SELECT party_id, earned, paid, carried FROM payee_balances ORDER BY party_id`,
    );
    expect(balances.every((b) => b.paid === 0n && b.carried === b.earned)).toBe(true);
    expect(first.conservation).toMatchObject({ paid: 0n, held: 1_720_000n, ok: true });
    await insertPayment(store, 'pay-2', 'INV-1', 2_248_000_000n, '2024-08-01');
    const second = await distribute(
      store,
      opts({ period: '2024-04', date: '2024-10-05', config: { payoutThreshold: micros(1_000_000n) } }),
    );
    expect(second.conservation).toMatchObject({
      collected: 2_248_000_000n,
      paid: 1_935_000_000n,
      held: -1_720_000n,
      ok: true,
    });
    const paid = await store.all<{ party_id: string; paid: bigint }>(
      `SELECT party_id, sum(paid)::HUGEINT AS paid FROM payee_balances GROUP BY ALL ORDER BY 1`,
    );
    expect(paid.map((p) => p.paid)).toEqual([564_380_000n, 564_370_000n, 806_250_000n]);
  });
});
