import { formatMicros, micros, type Micros } from '../../domain/index.js';
import type { CcidFile } from '../../formats/ccid/index.js';
import { cdmFileName, type CdmClaim, type CdmMessage, type CdmSummary } from '../../formats/cdm/index.js';
import type { Invoice, InvoiceLine } from '../../formats/invoice/index.js';
import type { ClaimConfig } from './claim-config.js';
import type { ClaimInputs } from './claim-inputs.js';
import type { ComputedClaimLine, ComputedClaims } from './compute-claims.js';

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

const sum = (xs: readonly ComputedClaimLine[], f: (l: ComputedClaimLine) => Micros) =>
  micros(xs.reduce((s, l) => s + f(l), 0n));

/** The DSR file-name period: `YYYY-MM` for a calendar month, else `start--end`. */
function periodElement(start: string, end: string): string {
  return start.endsWith('-01') && start.slice(0, 7) === end.slice(0, 7)
    ? start.slice(0, 7)
    : `${start}--${end}`;
}

/**
 * Builds the claim file (CDM), the CCID-style file and one invoice per licensor from computed claims.
 * The society always gets an invoice (possibly of zero); a mandate gets one when it has claim lines.
 * Everything is derived from the inputs and `issueDate`, never the clock, so re-runs give the same bytes.
 */
export function buildClaimDocuments(
  inputs: ClaimInputs,
  claims: ComputedClaims,
  config: ClaimConfig,
  issueDate: string,
): ClaimDocuments {
  const { report } = inputs;
  const created = `${issueDate}T00:00:00Z`;
  const societyId = config.society.partyId || config.society.name;
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
  const mandateIds = [
    ...new Set(claims.lines.filter((l) => l.mandateId !== null).map((l) => l.mandateId as string)),
  ].sort();
  for (const id of mandateIds) {
    const m = inputs.mandates.find((x) => x.mandateId === id);
    licensors.push({
      licensor: id,
      mandateId: id,
      rightsController: m?.mandatorName ?? id,
      partyId: m?.mandatorPartyId ?? '',
      invoiceId: invoiceId(id),
    });
  }
  const serviceDescription = report.service;
  const cdmFile = cdmFileName({
    recipient: report.sender,
    sender: societyId,
    serviceDescription,
    period: periodElement(report.periodStart, report.periodEnd),
    territory: report.territory,
    createdDateTime: created,
  });

  const grouped = new Map<string, ComputedClaimLine[]>();
  for (const l of claims.lines) {
    const key = `${l.summary.summaryId}\u0000${l.licensor}`;
    const list = grouped.get(key) ?? [];
    list.push(l);
    grouped.set(key, list);
  }
  const summaries: CdmSummary[] = [];
  for (const pool of claims.pools) {
    const s = pool.summary;
    for (const lic of licensors) {
      const mine = grouped.get(`${s.summaryId}\u0000${lic.licensor}`) ?? [];
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
      summaries.push({
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
        currencyOfInvoicing: claims.currency,
        rightsTypeSplitMechanical: pool.tariff.split.mechanical,
        rightsTypeSplitPerforming: pool.tariff.split.performing,
        claims: cdmClaims,
      });
    }
  }
  const cdm: CdmMessage = {
    header: {
      messageId: `CDM-${report.reportId}`,
      createdDateTime: created,
      salesReportId: report.messageId,
      usageStartDate: report.periodStart,
      usageEndDate: report.periodEnd,
      senderPartyId: config.society.partyId,
      senderName: config.society.name,
      serviceDescription,
      recipientPartyId: report.sender,
      recipientName: report.senderName,
    },
    summaries,
  };

  const byLicensor = new Map(licensors.map((l) => [l.licensor, l]));
  const ccid: CcidFile = {
    header: {
      messageId: `CCID-${report.reportId}`,
      createdDateTime: created,
      salesReportId: report.messageId,
      sender: config.society.name,
      recipient: report.senderName,
      service: report.service,
      territory: report.territory,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      currency: claims.currency,
    },
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
  const ccidFile = cdmFile.replace(/^ClaimsAmounts_/, 'CCIDSTYLE_');

  const invoices: Invoice[] = licensors.map((lic) => {
    const mine = claims.lines.filter((l) => l.licensor === lic.licensor);
    const models = [...new Set(mine.map((l) => l.summary.commercialModel ?? ''))].sort();
    const lines: InvoiceLine[] = models.flatMap((model) =>
      (['performing', 'mechanical'] as const).map((rightType) => {
        const ls = mine.filter(
          (l) => (l.summary.commercialModel ?? '') === model && l.rightType === rightType,
        );
        return {
          commercialModel: model,
          rightType,
          amount: sum(ls, (l) => l.claimedAmount),
          heldOverclaim: sum(ls, (l) => l.heldOverclaim),
        };
      }),
    );
    const performing = sum(
      mine.filter((l) => l.rightType === 'performing'),
      (l) => l.claimedAmount,
    );
    const mechanical = sum(
      mine.filter((l) => l.rightType === 'mechanical'),
      (l) => l.claimedAmount,
    );
    return {
      invoiceId: lic.invoiceId,
      issueDate,
      reportId: report.reportId,
      salesReportId: report.messageId,
      licensor: lic.licensor,
      rightsController: lic.rightsController,
      issuer: config.society.name,
      billedTo: report.senderName,
      service: report.service,
      territory: report.territory,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      currency: claims.currency,
      claimFile: cdmFile,
      lines,
      performing,
      mechanical,
      amount: micros(performing + mechanical),
      heldOverclaim: sum(mine, (l) => l.heldOverclaim),
    };
  });
  return { licensors, cdm, cdmFile, ccid, ccidFile, invoices };
}
