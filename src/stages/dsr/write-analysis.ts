import { listValue } from '@duckdb/node-api';
import { sql, type Store } from '../../warehouse/index.js';
import type { DsrFileAnalysis } from './analyse-dsr-file.js';

/** First and last day of a HEAD usage date (`2024`, `2024-03` or `2024-03-05`). */
export function usageDateBounds(text: string): { first: string; last: string } {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return { first: text, last: text };
  if (m[3]) return { first: text, last: text };
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
  }
  return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
}

/**
 * Writes an analysed file (its rows `f = a.batchIndex` of the batch's `dsr_t_*` temp tables) into the
 * warehouse; the caller holds the transaction. A single-file report goes straight to the core tables; a part of an `xofy` report goes
 * to the `dsr_staged_*` tables until the last part arrives.
 */
export async function writeAnalysis(
  store: Store,
  a: DsrFileAnalysis,
  ctx: {
    fileId: string;
    bytes: number;
    runId: string;
    now: Date;
    onStep: (step: string) => void;
    /** True when the store has no row of this report yet (the caller looked); undefined: look. */
    newReport?: boolean;
  },
): Promise<void> {
  const h = a.header;
  const reportId = a.reportId;
  const f = a.batchIndex;
  if (!h || !reportId || f === null) return;
  const { fileId, runId } = ctx;
  const staged = h.numberOfFiles > 1;
  const t = (core: string, stage: string) => (staged ? stage : core);
  await store.run(sql`INSERT INTO input_files (file_id, kind, path, bytes, status, run_id, reason, received_at)
    VALUES (${fileId}, 'dsr', ${a.file}, ${ctx.bytes}, 'waiting-parts', ${runId}, NULL, ${ctx.now.toISOString()}::TIMESTAMP)`);
  const existing = ctx.newReport === true ? undefined : await store.one<{ parts_received: number }>(sql`SELECT parts_received FROM reports WHERE report_id = ${reportId}`);
  if (existing) {
    await store.run(sql`UPDATE reports SET parts_received = parts_received + 1 WHERE report_id = ${reportId}`);
  } else {
    const start = usageDateBounds(h.usageStartDate).first;
    const end = usageDateBounds(h.usageEndDate).last;
    await store.run(sql`INSERT INTO reports (report_id, message_id, sender, sender_name, recipient, service, territory, period_start, period_end,
        profile, profile_version, parts_expected, parts_received, status, run_id)
      VALUES (${reportId}, ${h.messageId}, ${h.senderPartyId || h.senderName}, ${h.senderName || null}, ${h.recipientPartyId || h.recipientName || null},
        ${h.serviceDescription || a.fileName?.serviceDescription || ''}, ${a.territory ?? ''}, ${start}::DATE, ${end}::DATE, ${h.profile},
        ${h.profileVersion}, ${h.numberOfFiles}, 1, 'waiting-parts', ${runId})`);
  }
  await store.run(sql`INSERT INTO dsr_report_parts VALUES (${reportId}, ${h.fileNumber}, ${fileId}, ${a.file}, ${a.lines}, ${a.blocks},
    ${a.footer?.linesInReport ?? null}, ${a.footer?.blocksInReport ?? null}, ${runId})`);

  // Every part repeats the summaries: keep the first copy.
  const summaryTable = t('report_summaries', 'dsr_staged_summaries');
  const haveSummaries = existing ? await store.one<{ n: bigint }>({ text: `SELECT count(*) AS n FROM ${summaryTable} WHERE report_id = $1`, values: [reportId] }) : undefined;
  if ((haveSummaries?.n ?? 0n) === 0n) {
    // All of them in one statement (a row of 17 parameters each; batches of 500 rows).
    for (let from = 0; from < a.summaries.length; from += 500) {
      const rows = a.summaries.slice(from, from + 500);
      const p = (row: number, k: number) => `$${row * 17 + k}`;
      await store.run({
        text: `INSERT INTO ${summaryTable} VALUES ${rows
          .map((_, r) => `(${[...Array(17).keys()].map((k) => (k === 11 || k === 12 ? `${p(r, k + 1)}::HUGEINT` : p(r, k + 1))).join(', ')})`)
          .join(', ')}`,
        values: rows.flatMap((s) => [
          reportId, s.summaryId, s.recordType, s.commercialModel, s.useType, s.territory, s.serviceDescription, s.usages, s.totalUsages,
          s.subscribers, s.currency, s.netRevenue?.toString() ?? null, s.indirectNetRevenue?.toString() ?? null, s.rightsController,
          s.rightsType, s.rightsTypePct, s.exchangeRate,
        ]),
      });
    }
  }
  ctx.onStep('resources');
  await store.run({
    text: `INSERT INTO ${t('report_resources', 'dsr_staged_resources')} SELECT $1, r.block_id, r.resource_ref, r.dsp_resource_id, r.isrc, r.title,
      r.subtitle, r.display_artist, r.duration_s, r.resource_type, coalesce(r.iswc, w.iswc), coalesce(r.work_title, w.title),
      coalesce(r.writers, w.writers), coalesce(r.writer_ids, w.writer_ids), coalesce(r.publishers, w.publishers),
      coalesce(r.proprietary_work_id, w.proprietary_work_id)
      FROM dsr_t_resources r LEFT JOIN (SELECT * FROM dsr_t_work_fold WHERE f = $2::INTEGER) w ON w.resource_line = r.line_no
      WHERE r.f = $2::INTEGER AND r.block_id IS NOT NULL AND r.resource_ref IS NOT NULL`,
    values: [reportId, f],
  });
  ctx.onStep('usage-lines');
  await store.run({
    text: `INSERT INTO ${t('usage_lines', 'dsr_staged_usage_lines')} SELECT $1, $2, line_no, block_id, summary_id, transaction_id,
      coalesce(resource_ref, release_ref), dsp_resource_id, usages, use_type, net_revenue, royalty_bearing
      FROM dsr_t_usage WHERE f = $3::INTEGER AND problem IS NULL`,
    values: [reportId, fileId, f],
  });
  // Only UGC files have RU and LI records (the batch's tables are not scanned for the others).
  const codes = Object.keys(a.counts);
  if (codes.some((c) => c.startsWith('RU'))) await store.run({
    text: `INSERT INTO ${t('usage_video_lines', 'dsr_staged_video_lines')} SELECT $1, $2, line_no, block_id, summary_id, transaction_id,
      coalesce(resource_ref, release_ref), dsp_resource_id, usages, use_type, net_revenue, royalty_bearing
      FROM dsr_t_video_lines WHERE f = $3::INTEGER AND problem IS NULL`,
    values: [reportId, fileId, f],
  });
  if (codes.some((c) => c.startsWith('LI'))) await store.run({
    text: `INSERT INTO ${t('usage_licensor_lines', 'dsr_staged_licensor_lines')} SELECT $1, $2, l.line_no, u.line_no, l.block_id, l.summary_id,
      l.rights_controller, l.rights_controller_party_id, l.rights_controller_work_id, l.right_share_percentage, l.rights_type,
      l.allocated_net_revenue, l.allocated_amount
      FROM (SELECT * FROM dsr_t_licensor WHERE f = $3::INTEGER) l ASOF LEFT JOIN (SELECT line_no, block_id FROM dsr_t_usage WHERE f = $3::INTEGER AND rt LIKE 'SU03%') u
        ON u.block_id = l.block_id AND l.line_no > u.line_no
      WHERE l.problem IS NULL`,
    values: [reportId, fileId, f],
  });
  ctx.onStep('quarantine');
  // `quarantined` counts the distinct lines of `dsr_t_quarantine` (every one has a line number).
  if (a.quarantined > 0) {
    await store.run({
      text: `INSERT INTO quarantine SELECT $1, $2, q.line_no, q.record_type, q.code, q.reason, coalesce(n.line, r.raw), $3
        FROM (SELECT line_no, any_value(record_type) AS record_type, any_value(code) AS code, string_agg(DISTINCT reason, '; ') AS reason
              FROM dsr_t_quarantine WHERE f = $4::INTEGER GROUP BY line_no) q
        LEFT JOIN (SELECT line_no, line FROM dsr_t_numbered WHERE f = $4::INTEGER) n ON n.line_no = q.line_no
        LEFT JOIN (SELECT line_no, raw FROM dsr_t_rejects WHERE f = $4::INTEGER) r ON r.line_no = q.line_no`,
      values: [fileId, a.file, runId, f],
    });
  }
  // Every message in one statement, in order (lists unnested side by side; '' for no line: a list
  // whose first value is null would not be typed VARCHAR).
  const issues = [...a.issues.errors, ...a.issues.warnings];
  if (issues.length > 0) {
    await store.run({
      text: `INSERT INTO report_issues SELECT $1, $2, unnest($3::VARCHAR[]), unnest($4::VARCHAR[]), nullif(unnest($5::VARCHAR[]), '')::BIGINT,
        unnest($6::VARCHAR[]), $7`,
      values: [
        reportId,
        fileId,
        listValue(issues.map((i) => i.severity)),
        listValue(issues.map((i) => i.code)),
        listValue(issues.map((i) => (i.line === undefined ? '' : String(i.line)))),
        listValue(issues.map((i) => i.message)),
        runId,
      ],
    });
  }
}
