import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../domain/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { payOpenInvoices } from './pay-open-invoices.js';

const run = { codeVersion: 'test', now: () => new Date('2024-04-02T10:00:00Z') };

async function seed(store: Store) {
  for (const [id, start] of [
    ['R1', '2024-03-01'],
    ['R2', '2024-05-01'],
  ] as const) {
    await store.run(sql`INSERT INTO reports VALUES (${id}, ${`MSG-${id}`}, 'S', 'Spotify', 'R', 'Spotify', 'FR',
      ${start}::DATE, ${start}::DATE + INTERVAL 27 DAY, 'BasicAudioProfile', '1.2', 1, 1, 'complete', 'run-0')`);
  }
  const invoice = (id: string, report: string, amount: bigint) =>
    store.run(sql`INSERT INTO invoices VALUES (${id}, ${report}, 'society', 'Society', 'EUR', ${amount.toString()}::HUGEINT,
      ${amount.toString()}::HUGEINT, 0, 0, 'f.tsv', 'issued', 'run-0')`);
  await invoice('INV-B', 'R1', 5_000_000n);
  await invoice('INV-A', 'R1', 3_000_000n);
  await invoice('INV-C', 'R1', 1_000_000n);
  await invoice('INV-D', 'R2', 7_000_000n);
  await store.run(`INSERT INTO payments VALUES ('pay-1', 'INV-B', 2000000, DATE '2024-03-20', 'run-0'),
    ('pay-2', 'INV-C', 1000000, DATE '2024-03-20', 'run-0')`);
}

describe('payOpenInvoices', () => {
  it('pays what is outstanding on each open invoice of the period in one collect run', async () => {
    const store = await openStore(':memory:');
    await seed(store);
    expect(await payOpenInvoices(store, parsePeriod('2024-03'), run)).toBe(2);
    expect(
      await store.all(`SELECT payment_id, invoice_id, amount, received_on::VARCHAR AS d FROM payments
        WHERE payment_id NOT IN ('pay-1', 'pay-2') ORDER BY payment_id`),
    ).toEqual([
      { payment_id: 'pay-3', invoice_id: 'INV-A', amount: 3_000_000n, d: '2024-03-31' },
      { payment_id: 'pay-4', invoice_id: 'INV-B', amount: 3_000_000n, d: '2024-03-31' },
    ]);
    const runs = await store.all<{ run_id: string }>(`SELECT run_id FROM runs WHERE stage = 'collect'`);
    expect(runs).toHaveLength(1);
    expect(
      await store.all(`SELECT DISTINCT run_id FROM payments WHERE payment_id IN ('pay-3', 'pay-4')`),
    ).toEqual(runs);
    store.close();
  });

  it('records no run when every invoice of the period is paid', async () => {
    const store = await openStore(':memory:');
    await seed(store);
    await payOpenInvoices(store, parsePeriod('2024-03'), run);
    expect(await payOpenInvoices(store, parsePeriod('2024-03'), run)).toBe(0);
    expect(await store.one(`SELECT count(*)::INTEGER AS n FROM runs WHERE stage = 'collect'`)).toEqual({
      n: 1,
    });
    store.close();
  });
});
