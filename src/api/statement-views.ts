import { sql, type Store } from '../warehouse/index.js';
import type { Page } from './load-page.js';
import type { Principal } from './principal.js';
import type { ListParams } from './schemas.js';

/**
 * Which lines of a holder's statement a caller reads: a member its party lines, a partner what was
 * remitted to it, an operator or admin both (party lines plus lines remitted to the holder).
 */
export type StatementAudience = 'party' | 'payee' | 'operator';

/** The audience of a principal, or null for a role that reads no statements. */
export function statementAudience(p: Principal): StatementAudience | null {
  if (p.role === 'member') return 'party';
  if (p.role === 'partner') return 'payee';
  if (p.role === 'admin' || p.role === 'operator') return 'operator';
  return null;
}

/** The columns a statement line is returned with, in the order of the copy (migration 062). */
export const STATEMENT_LINE_COLUMNS = [
  'distribution_id',
  'party_id',
  'party_name',
  'ipi_name_number',
  'work_id',
  'iswc',
  'work_title',
  'role',
  'share',
  'right_type',
  'service',
  'territory',
  'period_start',
  'period_end',
  'usages',
  'gross',
  'commission',
  'deductions',
  'net',
  'line_kind',
  'payee_kind',
  'payee',
  'claim_id',
  'invoice_id',
] as const;

/** The default order of a statement's lines (ties broken by ord in the copy). */
export const STATEMENT_ORDER = 'work_id, right_type, service, territory, role, claim_id, line_kind';
const ORD_WINDOW = STATEMENT_ORDER.split(', ')
  .map((c) => `${c} ASC NULLS LAST`)
  .join(', ');
const SOURCE_COLUMNS = STATEMENT_LINE_COLUMNS.map((c) =>
  c.startsWith('period_') ? `${c}::VARCHAR AS ${c}` : c,
).join(', ');
const COPY_COLUMNS = STATEMENT_LINE_COLUMNS.join(', ');

/** Per store: distributions already materialised, and builds under way (one per distribution). */
const built = new WeakMap<Store, Set<string>>();
const building = new WeakMap<Store, Map<string, Promise<boolean>>>();

/**
 * Makes sure the statements of `distributionId` are materialised in `api_statement_lines` and
 * `api_statement_totals`, building them on the first call for an issued distribution (one that has
 * its `distributions` row, written with its lines in one transaction). Returns false when the
 * distribution is not issued: the caller then reads `statement_lines` directly.
 * Concurrent calls for one distribution share one build.
 */
export async function ensureStatementViews(store: Store, distributionId: string): Promise<boolean> {
  let done = built.get(store);
  if (!done) {
    done = new Set();
    built.set(store, done);
  }
  if (done.has(distributionId)) return true;
  let pending = building.get(store);
  if (!pending) {
    pending = new Map();
    building.set(store, pending);
  }
  let build = pending.get(distributionId);
  if (!build) {
    const ready = done;
    build = buildOnce(store, distributionId)
      .then((ok) => {
        if (ok) ready.add(distributionId);
        return ok;
      })
      .finally(() => pending.delete(distributionId));
    pending.set(distributionId, build);
  }
  return build;
}

async function buildOnce(store: Store, distributionId: string): Promise<boolean> {
  if (await store.one(sql`SELECT 1 FROM api_statement_builds WHERE distribution_id = ${distributionId}`))
    return true;
  if (!(await store.one(sql`SELECT 1 FROM distributions WHERE distribution_id = ${distributionId}`)))
    return false;
  // Rows left by a build that did not finish (no marker) are redone; each statement commits alone, so
  // requests sharing the connection never run inside a transaction of this build.
  await store.run(sql`DELETE FROM api_statement_lines WHERE distribution_id = ${distributionId}`);
  await store.run(sql`DELETE FROM api_statement_totals WHERE distribution_id = ${distributionId}`);
  const d = distributionId;
  await store.run({
    text: `INSERT INTO api_statement_lines BY NAME
      SELECT side, holder, row_number() OVER (PARTITION BY side, holder ORDER BY ${ORD_WINDOW}) AS ord, ${COPY_COLUMNS}
      FROM (SELECT 'party' AS side, party_id AS holder, ${SOURCE_COLUMNS} FROM statement_lines WHERE distribution_id = $1 AND party_id IS NOT NULL
            UNION ALL
            SELECT 'payee' AS side, payee AS holder, ${SOURCE_COLUMNS} FROM statement_lines WHERE distribution_id = $1 AND payee IS NOT NULL)
      ORDER BY side, holder, ord`,
    values: [d],
  });
  await store.run({
    text: `INSERT INTO api_statement_totals
      SELECT $1, audience, holder, count(*), sum(gross), sum(commission), sum(deductions), sum(net)
      FROM (SELECT 'party' AS audience, party_id AS holder, gross, commission, deductions, net FROM statement_lines WHERE distribution_id = $1 AND party_id IS NOT NULL
            UNION ALL SELECT 'payee', payee, gross, commission, deductions, net FROM statement_lines WHERE distribution_id = $1 AND payee IS NOT NULL
            UNION ALL SELECT 'operator', party_id, gross, commission, deductions, net FROM statement_lines WHERE distribution_id = $1 AND party_id IS NOT NULL
            UNION ALL SELECT 'operator', payee, gross, commission, deductions, net FROM statement_lines
              WHERE distribution_id = $1 AND payee IS NOT NULL AND payee_kind <> 'member' AND payee IS DISTINCT FROM party_id)
      GROUP BY audience, holder ORDER BY audience, holder`,
    values: [d],
  });
  await store.run(sql`INSERT INTO api_statement_builds (distribution_id, lines, built_at)
    SELECT ${d}, count(*), current_timestamp::TIMESTAMP FROM statement_lines WHERE distribution_id = ${d}`);
  return true;
}

/** Totals of one statement as stored (micro-unit sums and the line count), or undefined when it has no line. */
export interface StatementTotals {
  readonly lines: bigint;
  readonly gross: bigint;
  readonly commission: bigint;
  readonly deductions: bigint;
  readonly net: bigint;
}

/** Totals of one materialised statement; call {@link ensureStatementViews} first. */
export async function readStatementTotals(
  store: Store,
  distributionId: string,
  audience: StatementAudience,
  holder: string,
): Promise<StatementTotals | undefined> {
  return store.one<StatementTotals>(sql`SELECT lines, gross, commission, deductions, net FROM api_statement_totals
    WHERE distribution_id = ${distributionId} AND audience = ${audience} AND holder = ${holder}`);
}

/**
 * One page of a materialised statement's lines, `total` lines in all. The default order ascending
 * reads a range of ord (no sort); other orders sort the statement's rows, with the default order
 * and ord as tie-breaks so that pages never overlap.
 */
export async function readStatementPage<T>(
  store: Store,
  statement: {
    readonly distributionId: string;
    readonly audience: StatementAudience;
    readonly holder: string;
    readonly total: number;
  },
  params: ListParams,
  sortable: Readonly<Record<string, string>>,
  defaultSort: string,
  map: (row: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const { distributionId, audience, holder } = statement;
  const column = sortable[params.sort ?? defaultSort] ?? sortable[defaultSort];
  const ascending = params.order !== 'desc';
  const base = `SELECT ${COPY_COLUMNS} FROM api_statement_lines WHERE distribution_id = $1 AND `;
  let rows: Record<string, unknown>[];
  if (audience !== 'operator' && column === sortable[defaultSort] && ascending) {
    rows = await store.all({
      text: `${base}side = $2 AND holder = $3 AND ord > $4 AND ord <= $5 ORDER BY ord`,
      values: [distributionId, audience, holder, params.offset, params.offset + params.limit],
    });
  } else {
    // Operators read the holder's party lines and the lines remitted to it, each line once.
    const who =
      audience === 'operator'
        ? `((side = 'party' AND holder = $2) OR (side = 'payee' AND holder = $2 AND payee_kind <> 'member' AND party_id IS DISTINCT FROM $2))`
        : `side = '${audience}' AND holder = $2`;
    rows = await store.all({
      text: `${base}${who} ORDER BY ${column} ${ascending ? 'ASC' : 'DESC'} NULLS LAST, ${STATEMENT_ORDER}, side, ord LIMIT $3 OFFSET $4`,
      values: [distributionId, holder, params.limit, params.offset],
    });
  }
  return { items: rows.map(map), total: statement.total, limit: params.limit, offset: params.offset };
}
