import { TuttiError } from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import type { MandateScope, WorkShareRow } from './claimable-share.js';
import {
  othersKey,
  type ClaimInputs,
  type ClaimReport,
  type ClaimResource,
  type ClaimSummary,
  type ClaimWork,
} from './claim-inputs.js';
import { big, claimReportFromRow, claimSummaryFromRow, str, type Row } from './row-values.js';

/**
 * Reads what one complete report's claims need: the report, its summary records (the first record of
 * each summary id), the usages per resource and summary joined to accepted matches (royalty-bearing
 * lines only; a resource with several accepted works takes the lowest work id), the shares of those
 * works with the membership of their parties, every mandate, and the shares others are reported to claim.
 */
export async function loadClaimInputs(store: Store, reportId: string): Promise<ClaimInputs> {
  const r =
    await store.one<Row>(sql`SELECT report_id, message_id, sender, coalesce(sender_name, sender) AS sender_name, service, territory,
      strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
      strftime(period_end + INTERVAL 1 DAY, '%Y-%m-%d') AS day_after, status
    FROM reports WHERE report_id = ${reportId}`);
  if (!r)
    throw new TuttiError('NOT_FOUND', `report ${reportId} is not in the store; ingest its DSR first`, {
      value: reportId,
    });
  if (r['status'] !== 'complete') {
    throw new TuttiError(
      'CONFLICT',
      `report ${reportId} is ${String(r['status'])}: claims wait until every part has arrived`,
      { value: reportId },
    );
  }
  const report: ClaimReport = claimReportFromRow(reportId, r);

  const summaryRows =
    await store.all<Row>(sql`SELECT summary_id, commercial_model, use_type, territory, service_description, usages,
      total_usages, subscribers, currency, net_revenue
    FROM report_summaries WHERE report_id = ${reportId}
    QUALIFY row_number() OVER (PARTITION BY summary_id ORDER BY record_type) = 1
    ORDER BY summary_id`);
  const summaries: ClaimSummary[] = summaryRows.map(claimSummaryFromRow);

  const resourceRows = await store.all<Row>(sql`WITH m AS (
      SELECT block_id, resource_ref, min(work_id) AS work_id FROM matches
      WHERE report_id = ${reportId} AND status = 'accepted' AND work_id IS NOT NULL GROUP BY block_id, resource_ref),
    rr AS (
      SELECT block_id, resource_ref, min(isrc) AS isrc, min(title) AS title, min(display_artist) AS display_artist
      FROM report_resources WHERE report_id = ${reportId} GROUP BY block_id, resource_ref),
    u AS (
      SELECT summary_id, block_id, resource_ref, min(dsp_resource_id) AS dsp_resource_id, min(transaction_id) AS transaction_id,
        sum(usages)::BIGINT AS usages
      FROM usage_lines WHERE report_id = ${reportId} AND summary_id IS NOT NULL AND resource_ref IS NOT NULL AND coalesce(royalty_bearing, true)
      GROUP BY summary_id, block_id, resource_ref HAVING sum(usages) > 0)
    SELECT u.*, m.work_id, rr.isrc, rr.title, rr.display_artist, w.title AS work_title, w.iswc
    FROM u LEFT JOIN m USING (block_id, resource_ref) LEFT JOIN rr USING (block_id, resource_ref) LEFT JOIN works w ON w.work_id = m.work_id
    ORDER BY u.summary_id, u.block_id, u.resource_ref`);
  const resources = new Map<string, ClaimResource[]>();
  for (const x of resourceRows) {
    const list = resources.get(String(x['summary_id'])) ?? [];
    list.push({
      blockId: String(x['block_id']),
      resourceRef: String(x['resource_ref']),
      dspResourceId: str(x['dsp_resource_id']),
      transactionId: str(x['transaction_id']),
      usages: big(x['usages']) ?? 0n,
      workId: str(x['work_id']),
      isrc: str(x['isrc']),
      title: str(x['title']),
      displayArtist: str(x['display_artist']),
      workTitle: str(x['work_title']),
      iswc: str(x['iswc']),
    });
    resources.set(String(x['summary_id']), list);
  }

  const shareRows =
    await store.all<Row>(sql`SELECT ws.work_id, ws.party_id, ws.role, ws.right_type, ws.territories, ws.collection_share,
      ws.society, coalesce(p.is_member, false) AS is_member, p.kind, p.name
    FROM work_shares ws LEFT JOIN parties p USING (party_id)
    WHERE ws.work_id IN (SELECT work_id FROM matches WHERE report_id = ${reportId} AND status = 'accepted' AND work_id IS NOT NULL)
    ORDER BY ws.work_id, ws.party_id, ws.role, ws.right_type, ws.territories`);
  const works = new Map<string, { workId: string; shares: WorkShareRow[]; writers: Set<string> }>();
  for (const s of shareRows) {
    const workId = String(s['work_id']);
    const work = works.get(workId) ?? { workId, shares: [], writers: new Set<string>() };
    work.shares.push({
      partyId: String(s['party_id']),
      role: String(s['role']),
      rightType: String(s['right_type']),
      territories: String(s['territories']),
      collectionShare: Number(s['collection_share']),
      society: str(s['society']),
      isMember: s['is_member'] === true,
    });
    if (s['kind'] === 'writer' && typeof s['name'] === 'string') work.writers.add(s['name']);
    works.set(workId, work);
  }
  const claimWorks = new Map<string, ClaimWork>(
    [...works].map(([id, w]) => [id, { workId: id, shares: w.shares, writers: [...w.writers].sort() }]),
  );

  const mandates = await loadMandates(store);

  const otherRows =
    await store.all<Row>(sql`SELECT work_id, right_type, sum(share)::INTEGER AS share FROM reported_claims
    WHERE report_id = ${reportId} GROUP BY work_id, right_type`);
  const othersShares = new Map(
    otherRows.map((o) => [othersKey(String(o['work_id']), String(o['right_type'])), Number(o['share'])]),
  );

  return { report, summaries, resources, works: claimWorks, mandates, othersShares };
}

/** Every mandate with its mandator's societies (royalties.md §4), in mandate id order. */
export async function loadMandates(store: Store): Promise<MandateScope[]> {
  const mandateRows =
    await store.all<Row>(`SELECT m.mandate_id, m.mandator_party_id, m.mandator_name, m.right_types, m.territories,
      m.services, m.commercial_models, strftime(m.valid_from, '%Y-%m-%d') AS valid_from, strftime(m.valid_to, '%Y-%m-%d') AS valid_to,
      p.kind, p.pr_society, p.mr_society
    FROM mandates m LEFT JOIN parties p ON p.party_id = m.mandator_party_id ORDER BY m.mandate_id`);
  return mandateRows.map((m) => ({
    mandateId: String(m['mandate_id']),
    mandatorPartyId: String(m['mandator_party_id']),
    mandatorName: String(m['mandator_name']),
    mandatorSocieties:
      m['kind'] === 'society'
        ? [str(m['pr_society']), str(m['mr_society'])].filter((c): c is string => c !== null)
        : [],
    rightTypes: (m['right_types'] as string[]).map(String),
    territories: String(m['territories']),
    services: m['services'] === null ? null : (m['services'] as string[]).map(String),
    commercialModels:
      m['commercial_models'] === null ? null : (m['commercial_models'] as string[]).map(String),
    validFrom: String(m['valid_from']),
    validTo: str(m['valid_to']),
  }));
}
