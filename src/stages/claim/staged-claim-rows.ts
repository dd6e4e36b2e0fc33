import { micros, TuttiError } from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import type { ClaimedRight, ComputedClaimLine, ComputedClaims } from './compute-claims.js';
import type { ClaimInputs, ClaimResource, ClaimSummary, ClaimWork } from './claim-inputs.js';
import type { StagedClaimRun } from './stage-claim-inputs.js';
import { str } from './row-values.js';

/**
 * Writes the staged claim lines of the whole run (`claim_new`, `claim_cl`) into `claim_lines`,
 * `claim_shares` and `claim_overclaims`, set-based (the caller deleted the reports' old rows).
 * Returns the number of claim lines.
 */
export async function insertStagedClaimRows(store: Store, runId: string): Promise<number> {
  await store.run(sql`INSERT INTO claim_lines
    SELECT n.claim_id, regexp_replace('INV-' || n.report_id || '-' || n.licensor, '[^A-Za-z0-9._-]+', '-', 'g'),
      n.report_id, n.summary_id, n.block_id, n.resource_ref, r.dsp_resource_id, n.work_id, n.right_type, n.licensor,
      n.mandate_id, s.service_description, s.commercial_model, c.territory, rep.period_start, rep.period_end, r.usages,
      n.work_value, n.share_claimed, n.claimed_amount, n.held_overclaim, ${runId}
    FROM claim_new n
      JOIN claim_res r USING (report_id, summary_id, block_id, resource_ref)
      JOIN claim_ctx c USING (report_id, summary_id)
      JOIN reports rep USING (report_id)
      JOIN (SELECT report_id, summary_id, service_description, commercial_model FROM report_summaries
        WHERE report_id IN (SELECT report_id FROM claim_run_reports)
        QUALIFY row_number() OVER (PARTITION BY report_id, summary_id ORDER BY record_type) = 1) s USING (report_id, summary_id)
    ORDER BY n.report_id, n.line_ord`);
  await store.run(`INSERT INTO claim_shares
    SELECT n.claim_id, cl.party_id, cl.role, cl.share
    FROM claim_new n JOIN claim_cl cl USING (report_id, summary_id, work_id, right_type, licensor)
    ORDER BY n.report_id, n.line_ord, cl.party_id, cl.role`);
  // One row per summary × work × right with an overclaim, held summed over its resources and claimants.
  await store.run(sql`INSERT INTO claim_overclaims
    SELECT report_id, summary_id, work_id, right_type, any_value(own), any_value(others), any_value(disputed),
      CASE WHEN any_value(own) + any_value(others) > 11500 THEN 'MajorOverClaim' ELSE 'MinorOverClaim' END,
      sum(held_overclaim)::HUGEINT, ${runId}
    FROM claim_new WHERE disputed > 0 AND own + others > 10000
    GROUP BY report_id, summary_id, work_id, right_type
    ORDER BY report_id, min(line_ord)`);
  // What the claim files show of each line, joined once for the whole run (a join per report would
  // build its hash tables over the whole run's resources again for each report).
  await store.run(`CREATE OR REPLACE TEMP TABLE claim_doc AS
    WITH rr AS (
      SELECT report_id, block_id, resource_ref, min(isrc) AS isrc, min(title) AS title, min(display_artist) AS display_artist
      FROM report_resources WHERE report_id IN (SELECT report_id FROM claim_run_reports)
      GROUP BY report_id, block_id, resource_ref)
    SELECT n.report_id, n.line_ord, n.claim_id, n.cdm_claim_id, n.summary_id, n.block_id, n.resource_ref, n.work_id,
      n.right_type, n.licensor, n.mandate_id, n.work_value, n.resource_value, n.share_claimed, n.claimed_amount,
      n.held_overclaim, r.dsp_resource_id, r.transaction_id, r.usages, rr.isrc, rr.title, rr.display_artist,
      w.title AS work_title, w.iswc
    FROM claim_new n JOIN claim_res r USING (report_id, summary_id, block_id, resource_ref)
      LEFT JOIN rr USING (report_id, block_id, resource_ref) LEFT JOIN works w ON w.work_id = n.work_id
    ORDER BY n.report_id, n.line_ord`);
  const n = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM claim_new`);
  return Number(n?.n ?? 0n);
}

/**
 * Reads one report's staged claim lines back in claim-file order, in the shapes the documents
 * (`buildClaimDocuments`) take: the lines with their summary and resource, the works' writers.
 */
export async function readStagedReport(
  store: Store,
  run: StagedClaimRun,
  reportId: string,
): Promise<{ inputs: ClaimInputs; claims: ComputedClaims }> {
  const staged = run.reports.get(reportId);
  if (!staged) throw new TuttiError('INTERNAL', `report ${reportId} was not staged`);
  const summaries = new Map<string, ClaimSummary>(staged.pools.map((p) => [p.summary.summaryId, p.summary]));
  // Columnar read: one JS array per column instead of one object per row (the rows are the whole report).
  const query = sql`SELECT * FROM claim_doc WHERE report_id = ${reportId} ORDER BY line_ord`;
  const c = (await store.connection.runAndReadAll(query.text, query.values)).getColumnsObjectJS() as Record<
    string,
    unknown[]
  >;
  const col = (name: string): unknown[] => c[name] ?? [];
  const claimIds = col('claim_id');
  const cdmIds = col('cdm_claim_id');
  const summaryIds = col('summary_id');
  const blockIds = col('block_id');
  const refs = col('resource_ref');
  const workIds = col('work_id');
  const rights = col('right_type');
  const licensors = col('licensor');
  const mandateIds = col('mandate_id');
  const workValues = col('work_value');
  const resourceValues = col('resource_value');
  const shares = col('share_claimed');
  const claimed = col('claimed_amount');
  const held = col('held_overclaim');
  const dspIds = col('dsp_resource_id');
  const txIds = col('transaction_id');
  const usages = col('usages');
  const isrcs = col('isrc');
  const titles = col('title');
  const artists = col('display_artist');
  const workTitles = col('work_title');
  const iswcs = col('iswc');
  const territoryOf = (s: ClaimSummary) => s.territory ?? staged.report.territory;
  const lines: ComputedClaimLine[] = [];
  let resource: ClaimResource | null = null;
  let summary: ClaimSummary | undefined;
  for (let i = 0; i < claimIds.length; i++) {
    // A resource object per summary × resource: the same resource may be used in several summaries.
    if (summary?.summaryId !== summaryIds[i]) {
      summary = summaries.get(String(summaryIds[i]));
      resource = null;
    }
    if (summary === undefined)
      throw new TuttiError('INTERNAL', `summary ${String(summaryIds[i])} was not staged`);
    const blockId = String(blockIds[i]);
    const resourceRef = String(refs[i]);
    if (resource === null || resource.blockId !== blockId || resource.resourceRef !== resourceRef) {
      resource = {
        blockId,
        resourceRef,
        dspResourceId: str(dspIds[i]),
        transactionId: str(txIds[i]),
        usages: BigInt(usages[i] as bigint),
        workId: String(workIds[i]),
        isrc: str(isrcs[i]),
        title: str(titles[i]),
        displayArtist: str(artists[i]),
        workTitle: str(workTitles[i]),
        iswc: str(iswcs[i]),
      };
    }
    lines.push({
      claimId: String(claimIds[i]),
      cdmClaimId: String(cdmIds[i]),
      summary,
      resource,
      workId: String(workIds[i]),
      rightType: String(rights[i]) as ClaimedRight,
      licensor: String(licensors[i]),
      mandateId: str(mandateIds[i]),
      territory: territoryOf(summary),
      workValue: micros(BigInt(workValues[i] as bigint)),
      resourceValue: micros(BigInt(resourceValues[i] as bigint)),
      shareClaimed: Number(shares[i]),
      claimedAmount: micros(BigInt(claimed[i] as bigint)),
      heldOverclaim: micros(BigInt(held[i] as bigint)),
      parties: [],
    });
  }
  const writerRows = await store.all<{ work_id: string; name: string }>(sql`SELECT DISTINCT ws.work_id, p.name
    FROM work_shares ws JOIN parties p USING (party_id)
    WHERE p.kind = 'writer' AND p.name IS NOT NULL
      AND ws.work_id IN (SELECT work_id FROM claim_new WHERE report_id = ${reportId})`);
  const writers = new Map<string, string[]>();
  for (const w of writerRows) writers.set(w.work_id, [...(writers.get(w.work_id) ?? []), w.name]);
  const works = new Map<string, ClaimWork>(
    [...writers].map(([workId, names]) => [workId, { workId, shares: [], writers: names.sort() }]),
  );
  const inputs: ClaimInputs = {
    report: staged.report,
    summaries: staged.pools.map((p) => p.summary),
    resources: new Map(),
    works,
    mandates: run.mandates,
    othersShares: new Map(),
  };
  return { inputs, claims: { pools: staged.pools, lines, overclaims: [], currency: staged.currency } };
}

/** Drops the run's temp tables: the staged lines of a large quarter would otherwise stay in memory. */
export async function dropStagedClaimTables(store: Store): Promise<void> {
  for (const table of [
    'claim_new',
    'claim_cl',
    'claim_val',
    'claim_res',
    'claim_ctx',
    'claim_scope',
    'claim_terr',
    'claim_run_reports',
  ])
    await store.run(`DROP TABLE IF EXISTS ${table}`);
}
