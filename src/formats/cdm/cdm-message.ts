import type { Micros } from '../../domain/index.js';

/** CDMH.01: who claims from whom, answering which DSR (standards.md §2.1). */
export interface CdmHeader {
  readonly messageId: string;
  /** ISO 8601 date-time, e.g. `2024-04-01T00:00:00Z`. */
  readonly createdDateTime: string;
  /** The DSR HEAD MessageId this claim answers. */
  readonly salesReportId: string;
  readonly usageStartDate: string;
  readonly usageEndDate: string;
  readonly senderPartyId: string;
  readonly senderName: string;
  readonly serviceDescription: string;
  readonly recipientPartyId: string;
  readonly recipientName: string;
}

/** CD01.01: one claim on one resource × work. Shares in hundredths of a percent; amounts in micro-units. */
export interface CdmClaim {
  readonly claimId: string;
  readonly dspResourceId: string;
  readonly isrc: string;
  readonly resourceTitle: string;
  readonly displayArtistName: string;
  readonly licensorWorkId: string;
  readonly iswc: string;
  readonly workTitle: string;
  readonly composerAuthorNames: readonly string[];
  readonly shareClaimedMechanical: number;
  readonly shareClaimedPerforming: number;
  readonly salesTransactionId: string;
  readonly usages: bigint;
  /** Value of 100 % of the work, both rights, in the reporting currency. */
  readonly generatedRevenue: Micros;
  readonly claimedAmountMechanical: Micros;
  readonly claimedAmountPerforming: Micros;
  /** The formula inputs (fee basis, fee, total usages...), parallel lists in CD01. */
  readonly tariffParameters: readonly { readonly type: string; readonly value: string }[];
}

/** CS01.01: one sales context × rights controller, with its claims. */
export interface CdmSummary {
  readonly summaryRecordId: string;
  readonly invoiceReference: string;
  readonly rightsControllerName: string;
  readonly rightsControllerPartyId: string;
  readonly startOfClaimPeriod: string;
  readonly endOfClaimPeriod: string;
  readonly commercialModel: string;
  readonly useType: string;
  readonly territory: string;
  readonly serviceDescription: string;
  readonly currencyOfReporting: string;
  readonly currencyOfInvoicing: string;
  /** Hundredths; mechanical + performing = 10000. */
  readonly rightsTypeSplitMechanical: number;
  readonly rightsTypeSplitPerforming: number;
  readonly claims: readonly CdmClaim[];
}

/** A whole `ClaimsAmounts` 2.0 message. CS01 TotalClaimedAmount and CD01 ClaimedAmount/blended share are derived. */
export interface CdmMessage {
  readonly header: CdmHeader;
  readonly summaries: readonly CdmSummary[];
}

/** CD01 ClaimedAmount = mechanical + performing (royalties.md §7 invariant 3). */
export function claimedAmountOf(claim: CdmClaim): Micros {
  return (claim.claimedAmountMechanical + claim.claimedAmountPerforming) as Micros;
}

/** CS01 TotalClaimedAmount = Σ CD01 ClaimedAmount. */
export function totalClaimedOf(summary: CdmSummary): Micros {
  return summary.claims.reduce((s, c) => s + claimedAmountOf(c), 0n) as Micros;
}

/**
 * CD01 BlendedShareClaimedForMechAndPerf = mech × splitMech + perf × splitPerf, exact, in
 * millionths of a percent (hundredths × hundredths).
 */
export function blendedShareMicroPercent(
  claim: CdmClaim,
  summary: Pick<CdmSummary, 'rightsTypeSplitMechanical' | 'rightsTypeSplitPerforming'>,
): bigint {
  return (
    BigInt(claim.shareClaimedMechanical) * BigInt(summary.rightsTypeSplitMechanical) +
    BigInt(claim.shareClaimedPerforming) * BigInt(summary.rightsTypeSplitPerforming)
  );
}
