import { micros, TuttiError } from '../../domain/index.js';
import type {
  MemberStatementSummary,
  StatementHeader,
  StatementSummaryRow,
  StatementTotals,
} from '../../formats/statements/index.js';
import { quoteLiteral, type Store } from '../../warehouse/index.js';
import { loadStatementHeader } from './member-statement.js';

/** Works listed one by one on a summary statement (those that earned most); the others share one row. */
export const SUMMARY_WORKS = 100;

/** Parts of a summary, as the `part` column of `memberSummarySql` numbers them (also their order). */
const PART = { total: 0, adjustments: 1, rightType: 2, source: 3, work: 4, otherWorks: 5 } as const;

/** The reading order of `memberSummarySql`'s rows (a member's rows together). */
export const MEMBER_SUMMARY_ORDER_SQL =
  'party_id, part, right_type NULLS FIRST, service NULLS FIRST, territory NULLS FIRST, rk';

/** One row of `memberSummarySql`. */
export interface MemberSummaryRow {
  readonly party_id: string;
  readonly part: number;
  readonly right_type: string | null;
  readonly service: string | null;
  readonly territory: string | null;
  readonly work_id: string | null;
  readonly work_title: string | null;
  readonly iswc: string | null;
  readonly works: bigint;
  readonly lines: bigint;
  readonly usages: bigint;
  readonly gross: bigint;
  readonly commission: bigint;
  readonly deductions: bigint;
  readonly net: bigint;
}

/**
 * SQL for the summary rows of the members' lines in `source` (a parenthesised subquery or table of
 * statement lines with `party_id`): per member its total, its adjustment lines, and sums by right
 * type, by service × territory and by work (the `SUMMARY_WORKS` works that earned most, net then work
 * id, and one row for the rest), in one grouped pass. Ordered for reading, a member's rows together.
 */
export function memberSummarySql(source: string): string {
  const sums = `count(*)::BIGINT AS lines, coalesce(sum(usages), 0)::HUGEINT AS usages, sum(gross)::HUGEINT AS gross,
      sum(commission)::HUGEINT AS commission, sum(deductions)::HUGEINT AS deductions, sum(net)::HUGEINT AS net`;
  return `WITH _ms_g AS (
    SELECT party_id, line_kind, right_type, service, territory, work_id,
      CASE WHEN GROUPING(line_kind) = 0 THEN ${PART.adjustments} WHEN GROUPING(right_type) = 0 THEN ${PART.rightType}
           WHEN GROUPING(service) = 0 THEN ${PART.source} WHEN GROUPING(work_id) = 0 THEN ${PART.work} ELSE ${PART.total} END AS part,
      min(work_title) AS work_title, min(iswc) AS iswc, ${sums}
    FROM ${source} _ms_s
    GROUP BY GROUPING SETS ((party_id), (party_id, line_kind), (party_id, right_type), (party_id, service, territory), (party_id, work_id))),
  _ms_r AS (
    SELECT *, CASE WHEN part = ${PART.work} THEN row_number() OVER (PARTITION BY party_id, part ORDER BY net DESC, work_id NULLS FIRST) END AS rk
    FROM _ms_g WHERE part <> ${PART.adjustments} OR line_kind = 'adjustment')
  SELECT party_id, part, right_type, service, territory, work_id, work_title, iswc, 1::BIGINT AS works,
    lines, usages, gross, commission, deductions, net, rk
  FROM _ms_r WHERE part <> ${PART.work} OR rk <= ${SUMMARY_WORKS}
  UNION ALL
  SELECT party_id, ${PART.otherWorks}, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::BIGINT, sum(lines)::BIGINT,
    sum(usages)::HUGEINT, sum(gross)::HUGEINT, sum(commission)::HUGEINT, sum(deductions)::HUGEINT, sum(net)::HUGEINT, NULL
  FROM _ms_r WHERE part = ${PART.work} AND rk > ${SUMMARY_WORKS} GROUP BY party_id
  ORDER BY ${MEMBER_SUMMARY_ORDER_SQL}`;
}

const ZERO: StatementTotals = {
  lines: 0,
  usages: 0n,
  gross: micros(0n),
  commission: micros(0n),
  deductions: micros(0n),
  net: micros(0n),
};

function totalsOf(r: MemberSummaryRow): StatementTotals {
  return {
    lines: Number(r.lines),
    usages: r.usages,
    gross: micros(r.gross),
    commission: micros(r.commission),
    deductions: micros(r.deductions),
    net: micros(r.net),
  };
}

const orNone = (text: string) => text || '(none)';

/** A member's summary statement from its rows of `memberSummarySql` (in that query's order). */
export function toMemberSummary(
  header: StatementHeader,
  rows: readonly MemberSummaryRow[],
): MemberStatementSummary {
  let total = ZERO;
  let adjustments = ZERO;
  let otherWorks: MemberStatementSummary['otherWorks'] = null;
  const byRightType: StatementSummaryRow[] = [];
  const bySource: StatementSummaryRow[] = [];
  const byWork: StatementSummaryRow[] = [];
  for (const r of rows) {
    const totals = totalsOf(r);
    if (r.part === PART.total) total = totals;
    else if (r.part === PART.adjustments) adjustments = totals;
    else if (r.part === PART.rightType) byRightType.push({ label: orNone(r.right_type ?? ''), totals });
    else if (r.part === PART.source)
      bySource.push({ label: orNone(`${r.service ?? ''} ${r.territory ?? ''}`.trim()), totals });
    else if (r.part === PART.work)
      byWork.push({
        label: orNone([r.work_title ?? r.work_id ?? '', r.iswc ?? ''].filter(Boolean).join(' ')),
        totals,
      });
    else otherWorks = { works: Number(r.works), totals };
  }
  return { ...header, total, adjustments, byRightType, bySource, byWork, otherWorks };
}

/**
 * One member's summary statement of an issued distribution, from the stored rows: the document the
 * distribution wrote as `statements/<n>-<party>.pdf`.
 * @throws TuttiError NOT_FOUND when the distribution or the member's statement does not exist.
 */
export async function loadMemberStatementSummary(
  store: Store,
  distributionId: string,
  partyId: string,
  society = 'tutti',
): Promise<MemberStatementSummary> {
  const header = await loadStatementHeader(store, distributionId, partyId, society);
  const rows = await store.all<MemberSummaryRow>(
    memberSummarySql(`(SELECT * FROM statement_lines WHERE distribution_id = ${quoteLiteral(distributionId)}
      AND party_id = ${quoteLiteral(partyId)} AND payee_kind = 'member')`),
  );
  if (rows.length === 0 && !header.settled)
    throw new TuttiError('NOT_FOUND', `no statement for ${partyId} in distribution ${distributionId}`);
  return toMemberSummary(header.header, rows);
}
