import { micros, TuttiError } from '../../domain/index.js';
import {
  STATEMENT_ORDER,
  type MemberStatement,
  type StatementHeader,
  type StatementLine,
} from '../../formats/statements/index.js';
import { sql, type Store } from '../../warehouse/index.js';

/** A statement line as stored (`statement_lines`, or the run's `dist_lines`), dates as ISO text. */
export interface StatementLineRow {
  readonly work_id: string | null;
  readonly iswc: string | null;
  readonly work_title: string | null;
  readonly role: string | null;
  readonly share: number | null;
  readonly right_type: string | null;
  readonly service: string | null;
  readonly territory: string | null;
  readonly period_start: string | null;
  readonly period_end: string | null;
  readonly usages: bigint | null;
  readonly gross: bigint;
  readonly commission: bigint;
  readonly deductions: bigint;
  readonly net: bigint;
  readonly line_kind: 'normal' | 'adjustment';
}

/** The statement's total order in SQL, the one every statement file and PDF prints. */
export const STATEMENT_ORDER_SQL = STATEMENT_ORDER.map((c) => `${c} NULLS FIRST`).join(', ');

/** The columns of a `StatementLineRow`, dates formatted, for a SELECT over statement lines. */
export const STATEMENT_LINE_COLUMNS_SQL = `work_id, iswc, work_title, role, share, right_type, service, territory,
  strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
  usages, gross, commission, deductions, net, line_kind`;

export function toStatementLine(r: StatementLineRow): StatementLine {
  return {
    workId: r.work_id,
    iswc: r.iswc,
    workTitle: r.work_title,
    role: r.role,
    share: r.share,
    rightType: r.right_type,
    service: r.service,
    territory: r.territory,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    usages: r.usages ?? 0n,
    gross: micros(r.gross),
    commission: micros(r.commission),
    deductions: micros(r.deductions),
    net: micros(r.net),
    lineKind: r.line_kind,
  };
}

/**
 * The header of one member's statement of an issued distribution: its dates, the party and its
 * balance (`settled`: whether the distribution settled a balance for it).
 * @throws TuttiError NOT_FOUND when the distribution does not exist.
 */
export async function loadStatementHeader(
  store: Store,
  distributionId: string,
  partyId: string,
  society: string,
): Promise<{ header: StatementHeader; settled: boolean }> {
  const dist = await store.one<{ period: string; date: string }>(
    sql`SELECT period, distribution_date::VARCHAR AS date FROM distributions WHERE distribution_id = ${distributionId}`,
  );
  if (!dist)
    throw new TuttiError(
      'NOT_FOUND',
      `no distribution ${distributionId}: list them with GET /distributions or tutti runs`,
    );
  const balance = await store.one<{ brought_forward: bigint; paid: bigint; carried: bigint }>(
    sql`SELECT brought_forward, paid, carried FROM payee_balances WHERE distribution_id = ${distributionId} AND party_id = ${partyId}`,
  );
  const party = await store.one<{ name: string | null; ipi: string | null }>(
    sql`SELECT name, ipi_name_number AS ipi FROM parties WHERE party_id = ${partyId}`,
  );
  return {
    header: {
      society,
      distributionId,
      date: dist.date,
      period: dist.period,
      partyId,
      partyName: party?.name ?? partyId,
      ipiNameNumber: party?.ipi ?? null,
      broughtForward: micros(balance?.brought_forward ?? 0n),
      paid: micros(balance?.paid ?? 0n),
      carried: micros(balance?.carried ?? 0n),
    },
    settled: balance !== undefined,
  };
}

/**
 * One member's statement of an issued distribution, from the stored rows (its member lines and its
 * balance), in the shape the PDF renderer takes: the same document the distribution wrote.
 * @throws TuttiError NOT_FOUND when the distribution or the member's statement does not exist.
 */
export async function loadMemberStatement(
  store: Store,
  distributionId: string,
  partyId: string,
  society = 'tutti',
): Promise<MemberStatement> {
  const { header, settled } = await loadStatementHeader(store, distributionId, partyId, society);
  const rows = await store.all<StatementLineRow>({
    text: `SELECT ${STATEMENT_LINE_COLUMNS_SQL} FROM statement_lines
      WHERE distribution_id = $1 AND party_id = $2 AND payee_kind = 'member' ORDER BY ${STATEMENT_ORDER_SQL}`,
    values: [distributionId, partyId],
  });
  if (rows.length === 0 && !settled)
    throw new TuttiError('NOT_FOUND', `no statement for ${partyId} in distribution ${distributionId}`);
  return { ...header, lines: rows.map(toStatementLine) };
}
