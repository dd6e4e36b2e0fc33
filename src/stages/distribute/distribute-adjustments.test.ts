import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../warehouse/index.js';
import {
  distributeOptions as opts,
  insertClaimLine,
  insertPayment,
  insertWorkedExample,
} from './claim-tables.fixture.js';
import { distribute } from './distribute.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterEach(() => store.close());

const snapshot = (s: Store, id: string) =>
  s.all(
    `SELECT * FROM statement_lines WHERE distribution_id = '${id}' ORDER BY party_id, claim_id, role, payee_kind`,
  );

describe('distribute: corrections', () => {
  it('splits a partial payment pro rata and distributes the rest when it arrives, ending at the full-payment amounts', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 1_125_000_000n);
    const first = await distribute(store, opts());
    expect(first.conservation).toMatchObject({ collected: 1_125_000_000n, ok: true });
    expect(first.statements.adjustments).toBe(0);
    await insertPayment(store, 'pay-2', 'INV-1', 1_125_000_000n, '2024-09-01');
    const second = await distribute(store, opts({ period: '2024-06', date: '2024-10-05' }));
    expect(second.conservation).toMatchObject({ collected: 1_125_000_000n, ok: true });
    const totals = await store.all<{ party_id: string; net: bigint }>(
      `SELECT party_id, sum(net)::HUGEINT AS net FROM statement_lines GROUP BY 1 ORDER BY 1`,
    );
    expect(totals.map((t) => t.net)).toEqual([564_380_000n, 564_370_000n, 806_250_000n]);
  });

  it('emits signed adjustment lines when a new claim run changes a distributed period, leaving issued lines as they were', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    const first = await distribute(store, opts());
    const issued = await snapshot(store, first.distribution);
    // A review decision: the mechanical key becomes A 50 %, E 50 % (C's share was wrongly registered).
    await store.run(
      `INSERT INTO runs (run_id, seq, stage, status, code_version, started_at) VALUES ('claim-run-2', 99, 'claim', 'ok', 'test', '2024-08-01')`,
    );
    await insertClaimLine(store, {
      claimId: 'C-1P-r2',
      invoiceId: 'INV-1',
      workId: 'W1',
      rightType: 'performing',
      claimed: 1_125_000_000n,
      shareClaimed: 9999,
      runId: 'claim-run-2',
      shares: [
        { party: 'P-A', role: 'A', share: 3333 },
        { party: 'P-C', role: 'C', share: 3333 },
        { party: 'P-E', role: 'E', share: 3333 },
      ],
    });
    await insertClaimLine(store, {
      claimId: 'C-1M-r2',
      invoiceId: 'INV-1',
      workId: 'W1',
      rightType: 'mechanical',
      claimed: 1_125_000_000n,
      shareClaimed: 10000,
      runId: 'claim-run-2',
      shares: [
        { party: 'P-A', role: 'A', share: 5000 },
        { party: 'P-E', role: 'E', share: 5000 },
      ],
    });
    const second = await distribute(store, opts({ period: '2024-06', date: '2024-10-05' }));
    // A gains 241.87 (paid); C loses 241.87, carried as a negative balance to recover from later earnings.
    expect(second.conservation).toEqual({
      collected: 0n,
      paid: 241_870_000n,
      remitted: 0n,
      commission: 0n,
      deductions: 0n,
      held: -241_870_000n,
      ok: true,
    });
    expect(
      await store.one(
        `SELECT carried FROM payee_balances WHERE distribution_id = '${second.distribution}' AND party_id = 'P-C'`,
      ),
    ).toEqual({ carried: -241_870_000n });
    expect(await snapshot(store, first.distribution)).toEqual(issued);
    const lines = await store.all<{ line_kind: string; n: bigint }>(
      `SELECT line_kind, count(*) AS n FROM statement_lines WHERE distribution_id = '${second.distribution}' GROUP BY 1`,
    );
    expect(lines).toEqual([{ line_kind: 'adjustment', n: 11n }]);
    const totals = await store.all<{ party_id: string; net: bigint }>(
      `SELECT party_id, sum(net)::HUGEINT AS net FROM statement_lines GROUP BY 1 ORDER BY 1`,
    );
    // Mechanical net 967.50: A 483.75, E 483.75; performing unchanged 322.50 each.
    expect(totals.map((t) => t.net)).toEqual([806_250_000n, 322_500_000n, 806_250_000n]);
  });

  it('gives nothing new when run again with nothing new', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    await distribute(store, opts());
    const again = await distribute(store, opts({ period: '2024-04' }));
    expect(again.statements.lines).toBe(0);
    expect(again.conservation.collected).toBe(0n);
  });
});
