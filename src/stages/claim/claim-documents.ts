import { formatMicros, micros, type Micros } from '../../domain/index.js';
import type { CcidFile, CcidHeader } from '../../formats/ccid/index.js';
import {
  cdmFileName,
  type CdmClaim,
  type CdmHeader,
  type CdmMessage,
  type CdmSummary,
} from '../../formats/cdm/index.js';
import type { Invoice, InvoiceLine } from '../../formats/invoice/index.js';
import type { ClaimConfig } from './claim-config.js';
import type { ClaimInputs, ClaimReport } from './claim-inputs.js';
import type { MandateScope } from './claimable-share.js';
import {
  CLAIMED_RIGHTS,
  type ClaimedRight,
  type ComputedClaimLine,
  type ComputedClaims,
  type ComputedPool,
} from './compute-claims.js';

/** A licensor of the report's claims: the society or one mandate, as its rights controller. */
export interface ClaimLicensor {
  readonly licensor: string;
  readonly mandateId: string | null;
  readonly rightsController: string;
  readonly partyId: string;
  readonly invoiceId: string;
}

export interface ClaimDocuments {
  readonly licensors: readonly ClaimLicensor[];
  readonly cdm: CdmMessage;
  readonly cdmFile: string;
  readonly ccid: CcidFile;
  readonly ccidFile: string;
  readonly invoices: readonly Invoice[];
}

/** The DSR file-name period: `YYYY-MM` for a calendar month, else `start--end`. */
function periodElement(start: string, end: string): string {
  return start.endsWith('-01') && start.slice(0, 7) === end.slice(0, 7)
    ? start.slice(0, 7)
    : `${start}--${end}`;
}

/** The society, then each mandate with claim lines in the report (ids sorted), as licensors of its claims. */
export function claimLicensors(
  report: ClaimReport,
  mandateIds: readonly string[],
  mandates: readonly MandateScope[],
  config: ClaimConfig,
): ClaimLicensor[] {
  const invoiceId = (licensor: string) =>
    `INV-${report.reportId}-${licensor}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  const licensors: ClaimLicensor[] = [
    {
      licensor: 'society',
      mandateId: null,
      rightsController: config.society.name,
      partyId: config.society.partyId,
      invoiceId: invoiceId('society'),
    },
  ];
  for (const id of [...new Set(mandateIds)].sort()) {
    const m = mandates.find((x) => x.mandateId === id);
    licensors.push({
      licensor: id,
      mandateId: id,
      rightsController: m?.mandatorName ?? id,
      partyId: m?.mandatorPartyId ?? '',
      invoiceId: invoiceId(id),
    });
  }
  return licensors;
}

/** What every document of a report shares: the creation time (from the issue date) and the file names. */
export interface ClaimFileNames {
  readonly created: string;
  readonly cdmFile: string;
  readonly ccidFile: string;
}

export function claimFileNames(report: ClaimReport, config: ClaimConfig, issueDate: string): ClaimFileNames {
  const created = `${issueDate}T00:00:00Z`;
  const cdmFile = cdmFileName({
    recipient: report.sender,
    sender: config.society.partyId || config.society.name,
    serviceDescription: report.service,
    period: periodElement(report.periodStart, report.periodEnd),
    territory: report.territory,
    createdDateTime: created,
  });
  return { created, cdmFile, ccidFile: cdmFile.replace(/^ClaimsAmounts_/, 'CCIDSTYLE_') };
}

/** The CDMH.01 header of a report's claim file. */
export function cdmHeaderOf(report: ClaimReport, config: ClaimConfig, created: string): CdmHeader {
  return {
    messageId: `CDM-${report.reportId}`,
    createdDateTime: created,
    salesReportId: report.messageId,
    usageStartDate: report.periodStart,
    usageEndDate: report.periodEnd,
    senderPartyId: config.society.partyId,
    senderName: config.society.name,
    serviceDescription: report.service,
    recipientPartyId: report.sender,
    recipientName: report.senderName,
  };
}

/** The HDR of a report's CCID-style file. */
export function ccidHeaderOf(
  report: ClaimReport,
  config: ClaimConfig,
  created: string,
  currency: string,
): CcidHeader {
  return {
    messageId: `CCID-${report.reportId}`,
    createdDateTime: created,
    salesReportId: report.messageId,
    sender: config.society.name,
    recipient: report.senderName,
    service: report.service,
    territory: report.territory,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    currency,
  };
}

/** The CS01.01 of one summary × licensor (its claims apart). */
export function cdmSummaryOf(
  report: ClaimReport,
  pool: ComputedPool,
  lic: ClaimLicensor,
  currencyOfInvoicing: string,
): Omit<CdmSummary, 'claims'> {
  const s = pool.summary;
  return {
    summaryRecordId: `${s.summaryId}-${lic.licensor}`,
    invoiceReference: lic.invoiceId,
    rightsControllerName: lic.rightsController,
    rightsControllerPartyId: lic.partyId,
    startOfClaimPeriod: report.periodStart,
    endOfClaimPeriod: report.periodEnd,
    commercialModel: s.commercialModel ?? '',
    useType: s.useType ?? '',
    territory: s.territory ?? report.territory,
    serviceDescription: s.serviceDescription ?? report.service,
    currencyOfReporting: pool.currency,
    currencyOfInvoicing,
    rightsTypeSplitMechanical: pool.tariff.split.mechanical,
    rightsTypeSplitPerforming: pool.tariff.split.performing,
  };
}

/** A licensor's claimed and held amounts for one commercial model ('' when the summary has none) × right. */
export interface InvoiceTotal {
  readonly commercialModel: string;
  readonly rightType: ClaimedRight;
  readonly amount: Micros;
  readonly heldOverclaim: Micros;
}

/** A licensor's invoice for the report: one line per commercial model (sorted) × right, from its totals. */
export function invoiceOf(
  report: ClaimReport,
  lic: ClaimLicensor,
  totals: readonly InvoiceTotal[],
  context: { config: ClaimConfig; currency: string; cdmFile: string; issueDate: string },
): Invoice {
  const models = [...new Set(totals.map((t) => t.commercialModel))].sort();
  const sumOf = (ts: readonly InvoiceTotal[], f: (t: InvoiceTotal) => Micros) =>
    micros(ts.reduce((s, t) => s + f(t), 0n));
  const lines: InvoiceLine[] = models.flatMap((model) =>
    CLAIMED_RIGHTS.map((rightType) => {
      const ts = totals.filter((t) => t.commercialModel === model && t.rightType === rightType);
      return {
        commercialModel: model,
        rightType,
        amount: sumOf(ts, (t) => t.amount),
        heldOverclaim: sumOf(ts, (t) => t.heldOverclaim),
      };
    }),
  );
  const performing = sumOf(
    totals.filter((t) => t.rightType === 'performing'),
    (t) => t.amount,
  );
  const mechanical = sumOf(
    totals.filter((t) => t.rightType === 'mechanical'),
    (t) => t.amount,
  );
  return {
    invoiceId: lic.invoiceId,
    issueDate: context.issueDate,
    reportId: report.reportId,
    salesReportId: report.messageId,
    licensor: lic.licensor,
    rightsController: lic.rightsController,
    issuer: context.config.society.name,
    billedTo: report.senderName,
    service: report.service,
    territory: report.territory,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    currency: context.currency,
    claimFile: context.cdmFile,
    lines,
    performing,
    mechanical,
    amount: micros(performing + mechanical),
    heldOverclaim: sumOf(totals, (t) => t.heldOverclaim),
  };
}

/**
 * Builds the claim file (CDM), the CCID-style file and one invoice per licensor from computed claims.
 * The society always gets an invoice (possibly of zero); a mandate gets one when it has claim lines.
 * Everything is derived from the inputs and `issueDate`, never the clock, so re-runs give the same bytes.
 * This is the specification of the files `runClaim` writes straight from DuckDB (claim-files-sql.ts).
 */
export function buildClaimDocuments(
  inputs: ClaimInputs,
  claims: ComputedClaims,
  config: ClaimConfig,
  issueDate: string,
): ClaimDocuments {
  const { report } = inputs;
  const licensors = claimLicensors(
    report,
    claims.lines.filter((l) => l.mandateId !== null).map((l) => l.mandateId as string),
    inputs.mandates,
    config,
  );
  const { created, cdmFile, ccidFile } = claimFileNames(report, config, issueDate);

  const grouped = new Map<string, ComputedClaimLine[]>();
  for (const l of claims.lines) {
    const key = `${l.summary.summaryId}\u0000${l.licensor}`;
    const list = grouped.get(key) ?? [];
    list.push(l);
    grouped.set(key, list);
  }
  const summaries: CdmSummary[] = [];
  for (const pool of claims.pools) {
    for (const lic of licensors) {
      const mine = grouped.get(`${pool.summary.summaryId}\u0000${lic.licensor}`) ?? [];
      if (mine.length === 0) continue;
      const byCd01 = new Map<string, ComputedClaimLine[]>();
      for (const l of mine) {
        const list = byCd01.get(l.cdmClaimId) ?? [];
        list.push(l);
        byCd01.set(l.cdmClaimId, list);
      }
      const cdmClaims: CdmClaim[] = [...byCd01].map(([claimId, ls]) => {
        const first = ls[0] as ComputedClaimLine;
        const perf = ls.find((l) => l.rightType === 'performing');
        const mech = ls.find((l) => l.rightType === 'mechanical');
        const r = first.resource;
        return {
          claimId,
          dspResourceId: r.dspResourceId ?? '',
          isrc: r.isrc ?? '',
          resourceTitle: r.title ?? '',
          displayArtistName: r.displayArtist ?? '',
          licensorWorkId: first.workId,
          iswc: r.iswc ?? '',
          workTitle: r.workTitle ?? '',
          composerAuthorNames: inputs.works.get(first.workId)?.writers ?? [],
          shareClaimedMechanical: mech?.shareClaimed ?? 0,
          shareClaimedPerforming: perf?.shareClaimed ?? 0,
          salesTransactionId: r.transactionId ?? '',
          usages: r.usages,
          generatedRevenue: first.resourceValue,
          claimedAmountMechanical: mech?.claimedAmount ?? micros(0n),
          claimedAmountPerforming: perf?.claimedAmount ?? micros(0n),
          tariffParameters: [
            { type: 'FeeBasis', value: pool.fee.basis },
            { type: 'Fee', value: formatMicros(pool.fee.fee) },
            { type: 'TotalUsages', value: pool.totalUsages.toString() },
            {
              type: 'HeldOverclaim',
              value: formatMicros(micros((perf?.heldOverclaim ?? 0n) + (mech?.heldOverclaim ?? 0n))),
            },
          ],
        };
      });
      summaries.push({ ...cdmSummaryOf(report, pool, lic, claims.currency), claims: cdmClaims });
    }
  }
  const cdm: CdmMessage = { header: cdmHeaderOf(report, config, created), summaries };

  const byLicensor = new Map(licensors.map((l) => [l.licensor, l]));
  const ccid: CcidFile = {
    header: ccidHeaderOf(report, config, created, claims.currency),
    lines: claims.lines.map((l) => ({
      claimId: l.claimId,
      invoiceReference: byLicensor.get(l.licensor)?.invoiceId ?? '',
      licensor: l.licensor,
      rightsController: byLicensor.get(l.licensor)?.rightsController ?? '',
      summaryId: l.summary.summaryId,
      dspResourceId: l.resource.dspResourceId ?? '',
      isrc: l.resource.isrc ?? '',
      workId: l.workId,
      iswc: l.resource.iswc ?? '',
      workTitle: l.resource.workTitle ?? '',
      rightType: l.rightType,
      usages: l.resource.usages,
      workValue: l.workValue,
      shareClaimed: l.shareClaimed,
      claimedAmount: l.claimedAmount,
      heldOverclaim: l.heldOverclaim,
    })),
  };

  const invoices: Invoice[] = licensors.map((lic) =>
    invoiceOf(
      report,
      lic,
      claims.lines
        .filter((l) => l.licensor === lic.licensor)
        .map((l) => ({
          commercialModel: l.summary.commercialModel ?? '',
          rightType: l.rightType,
          amount: l.claimedAmount,
          heldOverclaim: l.heldOverclaim,
        })),
      { config, currency: claims.currency, cdmFile, issueDate },
    ),
  );
  return { licensors, cdm, cdmFile, ccid, ccidFile, invoices };
}
