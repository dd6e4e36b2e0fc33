import { micros, TuttiError } from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import type { ClaimedRight, ComputedClaimLine, ComputedClaims } from './compute-claims.js';
import type { ClaimInputs, ClaimResource, ClaimSummary, ClaimWork } from './claim-inputs.js';
import type { StagedClaimRun } from './stage-claim-inputs.js';

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v as string));

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
  const rows = await store.all<Row>(sql`WITH rr AS (
      SELECT block_id, resource_ref, min(isrc) AS isrc, min(title) AS title, min(display_artist) AS display_artist
      FROM report_resources WHERE report_id = ${reportId} GROUP BY block_id, resource_ref)
    SELECT n.claim_id, n.cdm_claim_id, n.summary_id, n.block_id, n.resource_ref, n.work_id, n.right_type, n.licensor,
      n.mandate_id, n.work_value, n.resource_value, n.share_claimed, n.claimed_amount, n.held_overclaim,
      r.dsp_resource_id, r.transaction_id, r.usages, rr.isrc, rr.title, rr.display_artist, w.title AS work_title, w.iswc
    FROM claim_new n JOIN claim_res r USING (report_id, summary_id, block_id, resource_ref)
      LEFT JOIN rr USING (block_id, resource_ref) LEFT JOIN works w ON w.work_id = n.work_id
    WHERE n.report_id = ${reportId} ORDER BY n.line_ord`);
  const territoryOf = (s: ClaimSummary) => s.territory ?? staged.report.territory;
  const lines: ComputedClaimLine[] = [];
  let resource: ClaimResource | null = null;
  for (const x of rows) {
    const summary = summaries.get(String(x['summary_id'])) as ClaimSummary;
    const blockId = String(x['block_id']);
    const resourceRef = String(x['resource_ref']);
    if (resource === null || resource.blockId !== blockId || resource.resourceRef !== resourceRef) {
      resource = {
        blockId,
        resourceRef,
        dspResourceId: str(x['dsp_resource_id']),
        transactionId: str(x['transaction_id']),
        usages: BigInt(x['usages'] as bigint),
        workId: String(x['work_id']),
        isrc: str(x['isrc']),
        title: str(x['title']),
        displayArtist: str(x['display_artist']),
        workTitle: str(x['work_title']),
        iswc: str(x['iswc']),
      };
    }
    lines.push({
      claimId: String(x['claim_id']),
      cdmClaimId: String(x['cdm_claim_id']),
      summary,
      resource,
      workId: String(x['work_id']),
      rightType: String(x['right_type']) as ClaimedRight,
      licensor: String(x['licensor']),
      mandateId: str(x['mandate_id']),
      territory: territoryOf(summary),
      workValue: micros(BigInt(x['work_value'] as bigint)),
      resourceValue: micros(BigInt(x['resource_value'] as bigint)),
      shareClaimed: Number(x['share_claimed']),
      claimedAmount: micros(BigInt(x['claimed_amount'] as bigint)),
      heldOverclaim: micros(BigInt(x['held_overclaim'] as bigint)),
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
