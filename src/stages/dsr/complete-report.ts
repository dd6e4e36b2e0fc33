import { sql, type Store } from '../../warehouse/index.js';

/**
 * Makes a report visible once all its parts are in: moves the staged rows of an `xofy` report into the
 * core tables, checks what only the whole report can tell (summary usages against the lines of every
 * part, FOOT report totals), records those issues, and marks the report and its files complete.
 * Runs inside the caller's transaction. `partsExpected`: the report's part count when the caller knows it.
 */
export async function completeReport(store: Store, reportId: string, runId: string, partsExpected?: number): Promise<void> {
  const report =
    partsExpected === undefined
      ? await store.one<{ parts_expected: number }>(sql`SELECT parts_expected FROM reports WHERE report_id = ${reportId}`)
      : { parts_expected: partsExpected };
  if (report && report.parts_expected > 1) {
    for (const [core, staged] of [
      ['report_summaries', 'dsr_staged_summaries'],
      ['report_resources', 'dsr_staged_resources'],
      ['usage_lines', 'dsr_staged_usage_lines'],
      ['usage_licensor_lines', 'dsr_staged_licensor_lines'],
      ['usage_video_lines', 'dsr_staged_video_lines'],
    ] as const) {
      await store.run({ text: `INSERT INTO ${core} SELECT * FROM ${staged} WHERE report_id = $1`, values: [reportId] });
      await store.run({ text: `DELETE FROM ${staged} WHERE report_id = $1`, values: [reportId] });
    }
    await checkWholeReport(store, reportId, runId);
  }
  await store.run(sql`UPDATE reports SET status = 'complete' WHERE report_id = ${reportId}`);
  await store.run(sql`UPDATE input_files SET status = 'ingested' WHERE file_id IN (SELECT file_id FROM dsr_report_parts WHERE report_id = ${reportId})`);
}

async function checkWholeReport(store: Store, reportId: string, runId: string): Promise<void> {
  const last = await store.one<{ file_id: string }>(sql`SELECT file_id FROM dsr_report_parts WHERE report_id = ${reportId} ORDER BY file_number DESC LIMIT 1`);
  const fileId = last?.file_id ?? '';
  const issue = (severity: string, code: string, message: string) =>
    store.run(sql`INSERT INTO report_issues VALUES (${reportId}, ${fileId}, ${severity}, ${code}, NULL, ${message}, ${runId})`);
  const mismatches = await store.all<{ summary_id: string; declared: bigint; actual: bigint | null }>(sql`
    SELECT s.summary_id, s.usages AS declared, u.usages::HUGEINT AS actual FROM report_summaries s
    LEFT JOIN (SELECT summary_id, sum(usages) AS usages FROM usage_lines WHERE report_id = ${reportId} GROUP BY summary_id) u ON u.summary_id = s.summary_id
    WHERE s.report_id = ${reportId} AND s.usages IS NOT NULL AND (s.record_type LIKE 'SY01%' OR s.record_type LIKE 'SY02%')
      AND u.usages IS NOT NULL AND u.usages <> s.usages`);
  for (const m of mismatches) {
    await issue('warning', 'DSR_SUMMARY_MISMATCH', `summary "${m.summary_id}" declares ${m.declared} usages but the usage lines of all parts add up to ${m.actual}`);
  }
  const totals = await store.one<{ lines: bigint; blocks: bigint; lines_in_report: bigint | null; blocks_in_report: bigint | null }>(sql`
    SELECT sum(lines)::BIGINT AS lines, sum(blocks)::BIGINT AS blocks, max(lines_in_report) AS lines_in_report, max(blocks_in_report) AS blocks_in_report
    FROM dsr_report_parts WHERE report_id = ${reportId}`);
  if (totals?.lines_in_report != null && totals.lines_in_report !== totals.lines) {
    await issue('error', 'DSR_FOOT_MISMATCH', `FOOT says ${totals.lines_in_report} lines in the report but its parts have ${totals.lines}`);
  }
  if (totals?.blocks_in_report != null && totals.blocks_in_report !== totals.blocks) {
    await issue('error', 'DSR_FOOT_MISMATCH', `FOOT says ${totals.blocks_in_report} blocks in the report but its parts have ${totals.blocks}`);
  }
}
