import { sql, type Store } from '../warehouse/index.js';
import { evidenceWithKeySql } from './evidence-sql.js';
import { runIdentifierSteps } from './identifier-steps.js';
import { recordLinks } from './link-registry.js';
import type { MatchOptions } from './match-options.js';
import { runMetadataStep } from './metadata-step.js';
import { refreshMatchIndex } from './refresh-match-index.js';
import { stageResources } from './stage-resources.js';

export interface IdentifyReportsInput {
  readonly reportIds: readonly string[];
  readonly runId: string;
  readonly codeVersion: string;
  readonly now: Date;
  readonly options: MatchOptions;
  /** Record 'report' links for resources identified by the ISWC the report gives (default true). */
  readonly linkReportIswcs?: boolean;
  readonly onProgress?: (step: string) => void;
}

export interface IdentifyReportsOutput {
  /** Works (re)keyed in the match index before matching. */
  readonly indexedWorks: number;
  /** Distinct resources identified (across the reports). */
  readonly resources: number;
  /** matches rows written (one per report resource row). */
  readonly rows: number;
}

/**
 * Identifies every distinct resource of the given reports through the cascade (work identifiers,
 * ISRC links, decision memory, scored metadata) and replaces those reports' `matches` rows
 * (idempotent). Review results go to `review_items`; human decisions are reused.
 * Runs in batch: a fixed number of SQL statements whatever the number of resources.
 */
export async function identifyReports(
  store: Store,
  input: IdentifyReportsInput,
): Promise<IdentifyReportsOutput> {
  const { options } = input;
  const progress = input.onProgress ?? (() => undefined);
  progress('index');
  const { works: indexedWorks } = await refreshMatchIndex(store);
  await store.run('CREATE OR REPLACE TEMP TABLE id_reports (report_id VARCHAR)');
  for (const id of input.reportIds) await store.run(sql`INSERT INTO id_reports VALUES (${id})`);
  progress('stage');
  const resources = await stageResources(store);
  progress('identifiers');
  await runIdentifierSteps(store, options);

  await store.run(`CREATE OR REPLACE TEMP TABLE id_result AS
    SELECT res_id, work_id, method, score, status, reason, evidence FROM id_ident WHERE status = 'accepted'`);
  // (3) Decision memory: the latest human decision on the same service resource wins over any
  // uncertain identifier answer; a rejection bars the rejected work from the metadata step.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_memory AS
    SELECT r.res_id, d.decision, d.work_id, d.rejected_work_id, d.decision_id FROM id_res r
      JOIN (SELECT * FROM review_decisions QUALIFY row_number() OVER (PARTITION BY memory_key ORDER BY seq DESC) = 1) d USING (memory_key)`);
  await store.run(`INSERT INTO id_result SELECT res_id, work_id, 'memory', 1000, 'accepted', NULL,
      to_json({decision_id: decision_id, decision: decision})
    FROM id_memory WHERE decision IN ('accept', 'reassign') AND res_id NOT IN (SELECT res_id FROM id_result)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_rejected AS
    SELECT res_id, rejected_work_id AS work_id FROM id_memory WHERE decision = 'reject' AND rejected_work_id IS NOT NULL`);
  await store.run(`INSERT INTO id_result SELECT res_id, work_id, method, score, status, reason, evidence FROM id_ident
    WHERE status <> 'accepted' AND res_id NOT IN (SELECT res_id FROM id_result)`);
  // Open to the metadata step: resources without an answer, and those whose ISRC's work disagrees with
  // the reported title (their review item shows the title's best candidate beside the ISRC's work).
  await store.run(`CREATE OR REPLACE TEMP TABLE id_open AS SELECT res_id FROM id_res WHERE res_id NOT IN (SELECT res_id FROM id_result)
    UNION ALL SELECT res_id FROM id_result WHERE reason = 'isrc-title-disagree'`);
  progress('metadata');
  await runMetadataStep(store, options, progress);
  await store.run(sql`INSERT INTO id_result
    WITH m AS (
      SELECT o.res_id, m.work_id, m.score, m.second, m.evidence,
        coalesce(m.is_medley AND NOT m.exact_whole, false) AS medley,
        o.res_id IN (SELECT res_id FROM id_rejected) AS rejected,
        CASE WHEN m.score >= ${options.accept} AND m.score - m.second >= ${options.margin}
            AND NOT coalesce(m.is_medley AND NOT m.exact_whole, false) AND o.res_id NOT IN (SELECT res_id FROM id_rejected) THEN 'accepted'
          WHEN m.score >= ${options.review} THEN 'review' ELSE 'unidentified' END AS status
      FROM id_open o LEFT JOIN id_meta m USING (res_id) WHERE o.res_id NOT IN (SELECT res_id FROM id_result))
    SELECT res_id, CASE WHEN status = 'unidentified' THEN NULL ELSE work_id END,
      CASE WHEN work_id IS NULL THEN 'none' ELSE 'metadata' END, coalesce(score, 0), status,
      CASE WHEN status <> 'review' THEN NULL WHEN rejected THEN 'rejected-before' WHEN medley THEN 'medley'
        WHEN score >= ${options.accept} THEN 'ambiguous' ELSE 'score' END,
      evidence
    FROM m`);

  await store.run(sql`UPDATE id_result x SET evidence = json_merge_patch(coalesce(x.evidence, '{}'::JSON),
      to_json({metadata: {work_id: m.work_id, score: m.score, title_similarity: m.evidence->'title_similarity'}}))
    FROM id_meta m WHERE m.res_id = x.res_id AND x.reason = 'isrc-title-disagree' AND m.score >= ${options.review}`);

  progress('write');
  // Each resource's answer and evidence once (its rows in the reports repeat it: a 5 M-line quarter has
  // 1.45 M report rows for 0.3 M resources), keyed by resource_key for the rows.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_out AS
    SELECT r.resource_key, x.work_id, x.method, x.score, x.status, ${evidenceWithKeySql('x.evidence', 'r.resource_key', 'x.reason')} AS evidence
    FROM id_res r JOIN id_result x USING (res_id)`);
  const rows = await store.transaction(async () => {
    await store.run('DELETE FROM matches WHERE report_id IN (SELECT report_id FROM id_reports)');
    await store.run(sql`INSERT INTO matches
      SELECT r.report_id, r.block_id, r.resource_ref, r.dsp_resource_id, r.isrc_raw, r.title, r.display_artist,
        x.work_id, x.method, x.score, x.status, x.evidence, ${input.codeVersion}, ${input.runId}
      FROM id_rows r JOIN id_out x USING (resource_key)`);
    progress('write-review');
    const next = await store.one<{ n: number }>(
      'SELECT CAST(coalesce(max(CAST(substr(review_id, 5) AS INTEGER)), 0) AS INTEGER) AS n FROM review_items',
    );
    await store.run(sql`INSERT INTO review_items
      SELECT 'rev-' || (${next?.n ?? 0} + row_number() OVER (ORDER BY r.resource_key)), r.resource_key, r.memory_key, r.report_id,
        r.dsp_resource_id, r.isrc, r.title, r.display_artist, x.work_id, x.method, x.score, x.reason, x.evidence, 'open',
        ${input.runId}, ${input.now.toISOString()}::TIMESTAMP
      FROM id_res r JOIN id_result x USING (res_id) WHERE x.status = 'review'
      ON CONFLICT (resource_key) DO UPDATE SET proposed_work_id = EXCLUDED.proposed_work_id, method = EXCLUDED.method,
        score = EXCLUDED.score, reason = EXCLUDED.reason, evidence = EXCLUDED.evidence, status = 'open', run_id = EXCLUDED.run_id`);
    // An open item the engine now decides alone (new repertoire, new links) leaves the queue.
    await store.run(`UPDATE review_items SET status = 'closed' WHERE status = 'open' AND resource_key IN
      (SELECT r.resource_key FROM id_res r JOIN id_result x USING (res_id) WHERE x.status <> 'review')`);
    const count = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM id_rows');
    return Number(count?.n ?? 0n);
  });
  progress('links');
  if (input.linkReportIswcs ?? true) {
    await recordLinks(
      store,
      `SELECT r.isrc, x.work_id, r.iswc, 'report' AS source, r.report_id AS source_ref, 90 AS confidence
       FROM id_res r JOIN id_result x USING (res_id) WHERE x.method = 'iswc' AND x.status = 'accepted' AND r.isrc IS NOT NULL`,
      input.now,
    );
  }
  progress('cleanup');
  for (const t of [
    'id_rows',
    'id_res',
    'id_res_keys',
    'id_res_k',
    'id_res_artists',
    'id_res_words',
    'id_res_ipis',
    'id_res_plain',
    'id_s1',
    'id_s2',
    'id_links',
    'id_ident',
    'id_memory',
    'id_rejected',
    'id_open',
    'id_open_k',
    'id_key_df',
    'id_pair',
    'id_fuzzy',
    'id_tok',
    'id_tok_pick',
    'id_title',
    'id_feat',
    'id_scored',
    'id_meta',
    'id_result',
    'id_out',
    'id_reports',
  ]) {
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  }
  return { indexedWorks, resources, rows };
}
