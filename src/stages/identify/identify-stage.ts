import { parsePeriod, TuttiError } from '../../domain/index.js';
import { identifyReports, type MatchOptions } from '../../matching/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';

export interface IdentifyStageInput {
  /** One report; or every complete report whose period lies in `period` (YYYY-MM, YYYY-Qn, YYYY); or, with neither, every complete report. */
  readonly reportId?: string;
  readonly period?: string;
  readonly options: MatchOptions;
  readonly codeVersion: string;
  readonly now: () => Date;
  readonly onProgress?: (step: string) => void;
}

export interface ReportIdentification {
  readonly report: string;
  readonly resources: number;
  readonly accepted: number;
  readonly review: number;
  readonly unidentified: number;
  readonly by_method: Record<string, number>;
  /** Share of the report's usages on accepted resources, in percent with two decimals. */
  readonly usages_identified_pct: number;
}

export interface IdentifyStageOutput {
  readonly runId: string;
  readonly reports: readonly ReportIdentification[];
  readonly totals: Omit<ReportIdentification, 'report'> & { readonly reports: number };
  readonly counts: Record<string, unknown>;
}

/** The complete reports selected by id or period, in id order (a report still waiting for parts is never identified). */
async function selectReports(store: Store, input: IdentifyStageInput): Promise<string[]> {
  if (input.reportId !== undefined && input.period !== undefined)
    throw new TuttiError('USAGE', 'give --report or --period, not both');
  if (input.reportId !== undefined) {
    const row = await store.one<{ status: string }>(
      sql`SELECT status FROM reports WHERE report_id = ${input.reportId}`,
    );
    if (row === undefined)
      throw new TuttiError('NOT_FOUND', `no report ${input.reportId}: ingest it first (tutti ingest)`, {
        value: input.reportId,
      });
    if (row.status !== 'complete')
      throw new TuttiError(
        'CONFLICT',
        `report ${input.reportId} is ${row.status}: identify waits until all its parts are in`,
        { value: input.reportId },
      );
    return [input.reportId];
  }
  const period = input.period === undefined ? undefined : parsePeriod(input.period);
  const rows = await store.all<{
    report_id: string;
  }>(sql`SELECT report_id FROM reports WHERE status = 'complete'
    AND (${period?.start ?? null}::DATE IS NULL OR (period_start >= ${period?.start ?? null}::DATE AND period_end <= ${period?.end ?? null}::DATE))
    ORDER BY report_id`);
  return rows.map((r) => r.report_id);
}

/**
 * The identify stage: selects complete reports, runs the identification cascade on their distinct
 * resources as one recorded run, and summarises per report (resources are counted per report,
 * distinct by resource key; usages identified are the report's usage lines on accepted resources).
 */
export async function runIdentifyStage(
  store: Store,
  input: IdentifyStageInput,
): Promise<IdentifyStageOutput> {
  const reportIds = await selectReports(store, input);
  const params = { report: input.reportId ?? null, period: input.period ?? null, options: input.options };
  return recordRun(
    store,
    { stage: 'identify', params, codeVersion: input.codeVersion, now: input.now() },
    input.now,
    async (runId) => {
      const out = await identifyReports(store, {
        reportIds,
        runId,
        codeVersion: input.codeVersion,
        now: input.now(),
        options: input.options,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
      const reports = await summarise(store, reportIds);
      const totals = {
        reports: reports.length,
        resources: sum(reports, (r) => r.resources),
        accepted: sum(reports, (r) => r.accepted),
        review: sum(reports, (r) => r.review),
        unidentified: sum(reports, (r) => r.unidentified),
        by_method: mergeCounts(reports.map((r) => r.by_method)),
        usages_identified_pct: (await usagesBp(store, reportIds)).get(ALL) ?? 0,
      };
      return {
        reports,
        totals,
        counts: {
          ...totals,
          distinct_resources: out.resources,
          match_rows: out.rows,
          indexed_works: out.indexedWorks,
        },
      };
    },
  );
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

function mergeCounts(all: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all) for (const [k, v] of Object.entries(counts)) out[k] = (out[k] ?? 0) + v;
  return out;
}

const ALL = '\u0000all';

/** Per report, its resources by status and method: one grouped query for every report of the run. */
async function summarise(store: Store, reportIds: readonly string[]): Promise<ReportIdentification[]> {
  if (reportIds.length === 0) return [];
  const rows = await store.all<{ report_id: string; method: string; status: string; n: bigint }>(sql`
    SELECT report_id, method, status, count(DISTINCT json_extract_string(evidence, '$.resource_key')) AS n
    FROM matches WHERE list_contains(string_split(${reportIds.join('\u001f')}, chr(31)), report_id) GROUP BY ALL`);
  const pct = await usagesBp(store, reportIds);
  return reportIds.map((report) => {
    const mine = rows.filter((r) => r.report_id === report);
    const count = (f: (r: { method: string; status: string }) => boolean) =>
      sum(mine.filter(f), (r) => Number(r.n));
    const byMethod: Record<string, number> = {};
    for (const r of mine)
      if (r.status === 'accepted') byMethod[r.method] = (byMethod[r.method] ?? 0) + Number(r.n);
    return {
      report,
      resources: count(() => true),
      accepted: count((r) => r.status === 'accepted'),
      review: count((r) => r.status === 'review'),
      unidentified: count((r) => r.status === 'unidentified'),
      by_method: byMethod,
      usages_identified_pct: pct.get(report) ?? 0,
    };
  });
}

/**
 * Usages on accepted resources over all usages, in basis points computed in integers, as a percent:
 * per report and, under `ALL`, over all of them (one grouped query with ROLLUP).
 */
async function usagesBp(store: Store, reports: readonly string[]): Promise<Map<string, number>> {
  if (reports.length === 0) return new Map();
  const rows = await store.all<{ report_id: string | null; bp: bigint | null }>(sql`
    WITH u AS (SELECT u.report_id, u.usages, m.status = 'accepted' AS ok FROM usage_lines u
      LEFT JOIN (SELECT DISTINCT report_id, block_id, resource_ref, status FROM matches WHERE status = 'accepted') m
        USING (report_id, block_id, resource_ref)
      WHERE list_contains(string_split(${reports.join('\u001f')}, chr(31)), u.report_id))
    SELECT report_id, CASE WHEN sum(usages) = 0 THEN 0 ELSE (sum(CASE WHEN ok THEN usages ELSE 0 END) * 10000) // sum(usages) END AS bp
    FROM u GROUP BY ROLLUP (report_id)`);
  return new Map(rows.map((r) => [r.report_id ?? ALL, Number(r.bp ?? 0n) / 100]));
}
