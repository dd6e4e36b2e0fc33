import type { Period } from '../../domain/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';

/**
 * Records every open invoice of the period as paid in full on the period's last day (`--assume-paid`:
 * demos, benchmarks), set-based: one `collect` run and one INSERT for all invoices, instead of one run
 * and four statements per invoice. Payment ids continue the `pay-<n>` sequence in invoice id order, as
 * `recordPayment` would number them one by one. Returns the number of payments (0: no run recorded).
 */
export async function payOpenInvoices(
  store: Store,
  period: Period,
  run: { readonly codeVersion: string; readonly now: () => Date },
): Promise<number> {
  const open = sql`SELECT i.invoice_id,
      (i.amount - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.invoice_id), 0))::HUGEINT AS outstanding
    FROM invoices i JOIN reports r USING (report_id)
    WHERE r.period_start BETWEEN ${period.start}::DATE AND ${period.end}::DATE`;
  const count = await store.one<{ n: bigint }>({
    text: `SELECT count(*) AS n FROM (${open.text}) WHERE outstanding > 0`,
    values: open.values,
  });
  if (!count || count.n === 0n) return 0;
  const params = { period: period.text, assumePaid: true, invoices: Number(count.n) };
  const result = await recordRun(
    store,
    { stage: 'collect', params, codeVersion: run.codeVersion, now: run.now() },
    run.now,
    (runId) =>
      store.transaction(async () => {
        const before = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM payments`);
        const base = Number(before?.n ?? 0n);
        const n = open.values.length;
        await store.run({
          text: `INSERT INTO payments
            SELECT 'pay-' || ($${n + 1} + row_number() OVER (ORDER BY invoice_id))::VARCHAR, invoice_id, outstanding,
              $${n + 2}::DATE, $${n + 3}
            FROM (${open.text}) WHERE outstanding > 0 ORDER BY invoice_id`,
          values: [...open.values, base, period.end, runId],
        });
        return { counts: { payments: Number(count.n) } };
      }),
  );
  return result.counts.payments;
}
