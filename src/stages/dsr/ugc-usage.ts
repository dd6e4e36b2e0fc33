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
 * `hasSu03`: whether a file of the batch has SU03 records at all (nothing to settle otherwise);
 * `issuesOf(f)`: the issues of the batch's file `f`.
 */
export async function settleUgcUsage(store: Store, hasSu03: boolean, issuesOf: (f: number) => DsrIssues): Promise<void> {
  await store.run('CREATE TEMP TABLE dsr_t_video_lines AS SELECT * FROM dsr_t_usage LIMIT 0');
  if (!hasSu03) return;
  await store.run(`UPDATE dsr_t_usage SET summary_id = l.summary_id
    FROM (SELECT u.f, u.line_no, l.summary_id FROM (SELECT f, line_no, block_id FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND summary_id IS NULL) u
      ASOF JOIN (SELECT f, line_no, block_id, summary_id FROM dsr_t_licensor WHERE summary_id IS NOT NULL) l
      ON l.f = u.f AND l.block_id = u.block_id AND l.line_no > u.line_no) l
    WHERE dsr_t_usage.f = l.f AND dsr_t_usage.line_no = l.line_no`);
  await store.run(`INSERT INTO dsr_t_video_lines SELECT u.* FROM dsr_t_usage u
    SEMI JOIN (SELECT DISTINCT f, block_id FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL) s ON s.f = u.f AND s.block_id = u.block_id
    WHERE u.rt LIKE 'RU%'`);
  await store.run(`DELETE FROM dsr_t_usage WHERE rt LIKE 'RU%' AND (f, line_no) IN (SELECT (f, line_no) FROM dsr_t_video_lines)`);
  // A bad value in one element of an RU01 list quarantines the whole line.
  await store.run(`UPDATE dsr_t_video_lines SET problem = coalesce(problem, 'another value of this line is bad')
    WHERE (f, line_no) IN (SELECT (f, line_no) FROM dsr_t_video_lines WHERE problem IS NOT NULL)`);
  await store.run(`INSERT INTO dsr_t_quarantine SELECT f, line_no, any_value(rt), 'DSR_BAD_LINE', min(problem) FROM dsr_t_video_lines
    WHERE problem IS NOT NULL GROUP BY f, line_no`);
  const mismatches = await store.all<{ f: number; block_id: string; line_no: bigint; listed: bigint; used: bigint }>(`
    SELECT v.f, v.block_id, v.line_no, v.listed, s.used FROM
      (SELECT f, block_id, min(line_no) AS line_no, sum(usages)::HUGEINT AS listed FROM dsr_t_video_lines WHERE problem IS NULL GROUP BY f, block_id) v
      JOIN (SELECT f, block_id, sum(usages)::HUGEINT AS used FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL GROUP BY f, block_id) s
        ON s.f = v.f AND s.block_id = v.block_id
    WHERE v.listed <> s.used QUALIFY row_number() OVER (PARTITION BY v.f ORDER BY v.line_no) <= 51 ORDER BY v.f, v.line_no`);
  for (const m of mismatches) {
    issuesOf(m.f).warning(
      'DSR_USAGE_LIST_MISMATCH',
      `block "${m.block_id}": the UGC videos listed (RU01/RU02) add up to ${m.listed} usages but its SU03 lines say ${m.used}; the SU03 figure is used`,
      Number(m.line_no),
    );
  }
}

/** Σ SU03 NetRevenue per file and SummaryRecordId of the batch (one query for every file). */
export async function ugcRevenueRows(store: Store): Promise<Map<number, { summary_id: string | null; revenue: bigint }[]>> {
  const rows = await store.all<{ f: number; summary_id: string | null; revenue: bigint }>(`SELECT f, summary_id, sum(net_revenue)::HUGEINT AS revenue
    FROM dsr_t_usage WHERE rt LIKE 'SU03%' AND problem IS NULL AND net_revenue IS NOT NULL GROUP BY f, summary_id ORDER BY f, summary_id`);
  const byFile = new Map<number, { summary_id: string | null; revenue: bigint }[]>();
  for (const r of rows) byFile.set(r.f, [...(byFile.get(r.f) ?? []), r]);
  return byFile;
}

/**
 * UGC revenue of one file: Σ SU03 NetRevenue per currency of the line's summary (micro-units), or null
 * when no SU03 line carries revenue (the summaries' NetRevenue is then the report's revenue). `rows`:
 * the file's entry of {@link ugcRevenueRows}.
 */
export function ugcRevenue(rows: readonly { summary_id: string | null; revenue: bigint }[], summaries: readonly DsrSummary[]): Map<string, Micros> | null {
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
