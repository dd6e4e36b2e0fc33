import { type Micros } from '../../domain/index.js';
import type { Store } from '../../warehouse/index.js';
import type { DsrIssues } from './dsr-issue.js';
import type { DsrSummary } from './summaries.js';

/**
 * UGC blocks (standards.md §1.4, §1.7–1.8): an `SU03` line carries the usages and the revenue of a
 * resource; the `RU01`/`RU02` lines before it list the UGC videos behind those usages. Counting both
 * would count the usages twice, so in a block that has a readable SU03 line the RU lines move to
 * `dsr_t_video_lines` (kept as detail, not counted), and a list that does not add up to the block's
 * SU03 usages is a warning. An SU03 line without a SummaryRecordId (allowed when licensor lines follow)
 * takes the one of its first LI01 line. Blocks with RU lines only keep them as their usage lines.
 * `hasSu03`: whether the file has SU03 records at all (nothing to settle otherwise).
 */
export async function settleUgcUsage(store: Store, hasSu03: boolean, issues: DsrIssues): Promise<void> {
  await store.run('CREATE TEMP TABLE dsr_t_video_lines AS SELECT * FROM dsr_t_usage LIMIT 0');
  if (!hasSu03) return;
  await store.run(`UPDATE dsr_t_usage SET summary_id = l.summary_id
    FROM (SELECT u.line_no, l.summary_id FROM (SELECT line_no, block_id FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND summary_id IS NULL) u
      ASOF JOIN (SELECT line_no, block_id, summary_id FROM dsr_t_licensor WHERE summary_id IS NOT NULL) l
      ON l.block_id = u.block_id AND l.line_no > u.line_no) l
    WHERE dsr_t_usage.line_no = l.line_no`);
  await store.run(`INSERT INTO dsr_t_video_lines SELECT * FROM dsr_t_usage
    WHERE rt LIKE 'RU%' AND block_id IN (SELECT block_id FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL)`);
  await store.run(`DELETE FROM dsr_t_usage WHERE rt LIKE 'RU%' AND line_no IN (SELECT line_no FROM dsr_t_video_lines)`);
  // A bad value in one element of an RU01 list quarantines the whole line.
  await store.run(`UPDATE dsr_t_video_lines SET problem = coalesce(problem, 'another value of this line is bad')
    WHERE line_no IN (SELECT line_no FROM dsr_t_video_lines WHERE problem IS NOT NULL)`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT line_no, any_value(rt), 'DSR_BAD_LINE', min(problem) FROM dsr_t_video_lines
    WHERE problem IS NOT NULL GROUP BY line_no`);
  const mismatches = await store.all<{ block_id: string; line_no: bigint; listed: bigint; used: bigint }>(`
    SELECT v.block_id, v.line_no, v.listed, s.used FROM
      (SELECT block_id, min(line_no) AS line_no, sum(usages)::HUGEINT AS listed FROM dsr_t_video_lines WHERE problem IS NULL GROUP BY block_id) v
      JOIN (SELECT block_id, sum(usages)::HUGEINT AS used FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL GROUP BY block_id) s
        ON s.block_id = v.block_id
    WHERE v.listed <> s.used ORDER BY v.line_no LIMIT 51`);
  for (const m of mismatches) {
    issues.warning(
      'DSR_USAGE_LIST_MISMATCH',
      `block "${m.block_id}": the UGC videos listed (RU01/RU02) add up to ${m.listed} usages but its SU03 lines say ${m.used}; the SU03 figure is used`,
      Number(m.line_no),
    );
  }
}

/**
 * UGC revenue: Σ SU03 NetRevenue per currency of the line's summary (micro-units), or null when no
 * SU03 line carries revenue (the summaries' NetRevenue is then the report's revenue).
 */
export async function ugcRevenue(store: Store, hasSu03: boolean, summaries: readonly DsrSummary[]): Promise<Map<string, Micros> | null> {
  if (!hasSu03) return null;
  const rows = await store.all<{ summary_id: string | null; revenue: bigint }>(`SELECT summary_id, sum(net_revenue)::HUGEINT AS revenue
    FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL AND net_revenue IS NOT NULL GROUP BY summary_id`);
  if (rows.length === 0) return null;
  const currencyOf = new Map(summaries.map((s) => [s.summaryId, s.currency ?? '']));
  const fallback = [...new Set(summaries.map((s) => s.currency).filter((c): c is string => c !== null))];
  const revenue = new Map<string, Micros>();
  for (const r of rows) {
    const c = (r.summary_id !== null ? currencyOf.get(r.summary_id) : undefined) ?? (fallback.length === 1 ? (fallback[0] ?? '') : '');
    revenue.set(c, ((revenue.get(c) ?? 0n) + r.revenue) as Micros);
  }
  return revenue;
}
