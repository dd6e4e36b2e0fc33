import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { toJsonRow } from './row-json.js';
import { ensureStatementViews, readStatementPage, readStatementTotals, STATEMENT_LINE_COLUMNS, STATEMENT_ORDER, type StatementAudience } from './statement-views.js';

const SORT = { workId: 'work_id', net: 'net', gross: 'gross' } as const;
const HOLDERS = ['P1', 'P2', 'P3', 'SOC:052'];

/** The statement of a holder read straight from statement_lines, as the route did before the copy. */
function direct(audience: StatementAudience): string {
  if (audience === 'party') return 'party_id = $2';
  if (audience === 'payee') return 'payee = $2';
  return "(party_id = $2 OR (payee = $2 AND payee_kind <> 'member'))";
}

let store: Store;

beforeAll(async () => {
  store = await openStore(':memory:');
  await store.run(`INSERT INTO distributions (distribution_id, seq, period, status, collected, paid, remitted, commission, deductions, held, run_id, created_at, distribution_date)
    VALUES ('D1', 1, '2025Q1', 'issued', 0, 0, 0, 0, 0, 0, 'run-1', TIMESTAMP '2025-04-01', DATE '2025-04-15')`);
  // 300 lines: members P1..P3 paid, some remitted to SOC:052 or to P2 as mandator; distinct nets so sorts are total.
  await store.run(`INSERT INTO statement_lines (distribution_id, party_id, party_name, work_id, role, share, right_type, service, territory, period_start, period_end,
      usages, gross, commission, deductions, net, line_kind, payee_kind, payee, claim_id)
    SELECT 'D1', CASE WHEN i % 17 = 0 THEN NULL ELSE 'P' || (1 + i % 3) END, 'Name', 'W' || (i % 7), 'CA', 5000, 'performing', 'S' || (i % 2), 'FR',
      DATE '2025-01-01', DATE '2025-03-31', i, 1000 + i * 3, 100, 0, 900 + i * 3, CASE WHEN i % 5 = 0 THEN 'adjustment' ELSE 'normal' END,
      CASE WHEN i % 4 = 0 THEN 'society' WHEN i % 9 = 0 THEN 'mandator' ELSE 'member' END,
      CASE WHEN i % 4 = 0 THEN 'SOC:052' WHEN i % 9 = 0 THEN 'P2' ELSE 'P' || (1 + i % 3) END, 'C' || i
    FROM range(300) t(i)`);
});

afterAll(() => store.close());

describe('statement views', () => {
  it('builds an issued distribution once, even when asked concurrently', async () => {
    expect(await Promise.all([ensureStatementViews(store, 'D1'), ensureStatementViews(store, 'D1')])).toEqual([true, true]);
    expect(await ensureStatementViews(store, 'D1')).toBe(true);
    const copied = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM api_statement_lines WHERE distribution_id = 'D1'");
    const expected = await store.one<{ n: bigint }>("SELECT count(party_id) + count(payee) AS n FROM statement_lines WHERE distribution_id = 'D1'");
    expect(copied?.n).toBe(expected?.n);
    expect((await store.all('SELECT * FROM api_statement_builds')).length).toBe(1);
  });

  it('leaves a distribution that is not issued to direct reads', async () => {
    expect(await ensureStatementViews(store, 'D-unknown')).toBe(false);
  });

  it('gives the same totals and pages as reading statement_lines directly', async () => {
    await ensureStatementViews(store, 'D1');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<StatementAudience>('party', 'payee', 'operator'),
        fc.constantFrom(...HOLDERS),
        fc.constantFrom('workId', 'net', 'gross'),
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 120 }),
        async (audience, holder, sort, order, limit, offset) => {
          const where = `FROM statement_lines WHERE distribution_id = $1 AND ${direct(audience)}`;
          const sums = await store.one<Record<string, unknown>>({
            text: `SELECT count(*) AS lines, coalesce(sum(gross), 0) AS gross, coalesce(sum(commission), 0) AS commission, coalesce(sum(deductions), 0) AS deductions, coalesce(sum(net), 0) AS net ${where}`,
            values: ['D1', holder],
          });
          const totals = await readStatementTotals(store, 'D1', audience, holder);
          if (sums?.['lines'] === 0n) {
            expect(totals).toBeUndefined();
            return;
          }
          expect(totals).toEqual(sums);
          const columns = STATEMENT_LINE_COLUMNS.map((c) => (c.startsWith('period_') ? `${c}::VARCHAR AS ${c}` : c)).join(', ');
          const rows = await store.all<Record<string, unknown>>({
            text: `SELECT ${columns} ${where} ORDER BY ${SORT[sort]} ${order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ${STATEMENT_ORDER} LIMIT $3 OFFSET $4`,
            values: ['D1', holder, limit, offset],
          });
          const page = await readStatementPage(store, { distributionId: 'D1', audience, holder, total: Number(totals?.lines) }, { limit, offset, sort, order }, SORT, 'workId', toJsonRow);
          expect(page.items).toEqual(rows.map(toJsonRow));
          expect(page.total).toBe(Number(sums?.['lines']));
        },
      ),
      { numRuns: 60 },
    );
  });
});
