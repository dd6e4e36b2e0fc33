import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../warehouse/index.js';
import { distributeOptions as opts, insertPayment, insertWorkedExample } from './claim-tables.fixture.js';
import { distribute } from './distribute.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterEach(() => store.close());

async function netByParty(distributionId?: string) {
  const rows = await store.all<{
    party_id: string;
    gross: bigint;
    commission: bigint;
    deductions: bigint;
    net: bigint;
  }>(`
    SELECT party_id, sum(gross)::HUGEINT AS gross, sum(commission)::HUGEINT AS commission, sum(deductions)::HUGEINT AS deductions, sum(net)::HUGEINT AS net
    FROM statement_lines ${distributionId ? `WHERE distribution_id = '${distributionId}'` : ''} GROUP BY party_id ORDER BY party_id`);
  return Object.fromEntries(rows.map((r) => [r.party_id, r]));
}

describe('distribute: the worked example of royalties.md §6', () => {
  it('pays A 564.38, C 564.37 and E 806.25 of €1,935.00, with fee 292.50 and other deductions 22.50', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    const result = await distribute(store, opts());
    expect(result.conservation).toEqual({
      collected: 2_250_000_000n,
      paid: 1_935_000_000n,
      remitted: 0n,
      commission: 292_500_000n,
      deductions: 22_500_000n,
      held: 0n,
      ok: true,
    });
    const parties = await netByParty();
    expect(parties['P-A']?.net).toBe(564_380_000n);
    expect(parties['P-C']?.net).toBe(564_370_000n);
    expect(parties['P-E']?.net).toBe(806_250_000n);
    expect(result.statements).toMatchObject({ holders: 3, lines: 6, adjustments: 0 });
  });

  it('rounds each statement line as §6.8: net first, gross and fee by largest remainder, other = gross − fee − net', async () => {
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    await distribute(store, opts());
    const lines = await store.all<{
      party_id: string;
      right_type: string;
      gross: bigint;
      commission: bigint;
      deductions: bigint;
      net: bigint;
      line_kind: string;
    }>(
      `SELECT party_id, right_type, gross, commission, deductions, net, line_kind FROM statement_lines ORDER BY party_id, right_type`,
    );
    const cents = (v: bigint) => Number(v / 10_000n) / 100;
    expect(
      lines.map((l) => [
        l.party_id,
        l.right_type,
        cents(l.gross),
        cents(l.commission),
        cents(l.deductions),
        cents(l.net),
        l.line_kind,
      ]),
    ).toEqual([
      ['P-A', 'mechanical', 281.25, 36.56, 2.81, 241.88, 'normal'],
      ['P-A', 'performing', 375, 48.75, 3.75, 322.5, 'normal'],
      ['P-C', 'mechanical', 281.25, 36.56, 2.82, 241.87, 'normal'],
      ['P-C', 'performing', 375, 48.75, 3.75, 322.5, 'normal'],
      ['P-E', 'mechanical', 562.5, 73.13, 5.62, 483.75, 'normal'],
      ['P-E', 'performing', 375, 48.75, 3.75, 322.5, 'normal'],
    ]);
  });
});
