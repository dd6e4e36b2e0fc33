import { formatMicros, micros, type Micros } from '../../domain/index.js';
import {
  blendedShareMicroPercent,
  claimedAmountOf,
  totalClaimedOf,
  type CdmClaim,
  type CdmHeader,
  type CdmMessage,
  type CdmSummary,
} from './cdm-message.js';
import { formatPercentCell, formatRow } from './flat-cells.js';

export const CDM_MESSAGE_VERSION = 'CDM/2.0/5.0/2.0';
export const CDM_PROFILE = 'ClaimsAmounts';
export const CDM_PROFILE_VERSION = '2.0';

/** Amounts as exact decimal text, at least 2 decimals, no needless zeros beyond (1125000000 → `1125.00`). */
export function formatAmountCell(value: Micros): string {
  return formatMicros(value).replace(/0{1,4}$/, '');
}

/** A blended share in millionths of a percent as decimal text without trailing zeros (50000000 → `50`). */
export function formatBlendedShareCell(microPercent: bigint): string {
  return formatMicros(micros(microPercent)).replace(/\.?0+$/, '');
}

/**
 * Writes a DDEX CDM `ClaimsAmounts` 2.0 message (standards.md §2.1): CDMH.01, then per summary one
 * CS01.01 followed by its CD01.01 lines, then SRFO. Lines end with LF; the text ends with a LF.
 * Derived cells (TotalClaimedAmount, ClaimedAmount, blended share) are computed here, exactly, so they
 * cannot disagree with the lines. The same message always gives the same bytes.
 */
export function* formatCdmLines(message: CdmMessage): Generator<string> {
  yield formatCdmHeaderRow(message.header);
  let lines = 1;
  for (const s of message.summaries) {
    yield formatCdmSummaryRow(s, totalClaimedOf(s));
    lines++;
    for (const c of s.claims) {
      yield formatCdmClaimRow(c, s);
      lines++;
    }
  }
  yield formatCdmTrailerRow(lines + 1, message.summaries.length);
}

/** The CDMH.01 record. */
export function formatCdmHeaderRow(h: CdmHeader): string {
  return formatRow([
    'CDMH.01',
    CDM_MESSAGE_VERSION,
    h.messageId,
    h.createdDateTime,
    CDM_PROFILE,
    CDM_PROFILE_VERSION,
    '',
    h.salesReportId,
    h.usageStartDate,
    h.usageEndDate,
    h.senderPartyId,
    h.senderName,
    h.serviceDescription,
    h.recipientPartyId,
    h.recipientName,
    '1',
    '',
    '',
  ]);
}

/** A CS01.01 record; `totalClaimed` is Σ of its CD01 ClaimedAmount (`totalClaimedOf`). Its claims are not read. */
export function formatCdmSummaryRow(s: Omit<CdmSummary, 'claims'>, totalClaimed: Micros): string {
  return formatRow([
    'CS01.01',
    s.summaryRecordId,
    s.invoiceReference,
    s.rightsControllerName,
    s.rightsControllerPartyId,
    '',
    '',
    s.startOfClaimPeriod,
    s.endOfClaimPeriod,
    s.commercialModel,
    s.useType,
    s.territory,
    s.serviceDescription,
    s.currencyOfReporting,
    s.currencyOfInvoicing,
    '',
    '',
    '',
    '',
    formatPercentCell(s.rightsTypeSplitMechanical),
    formatPercentCell(s.rightsTypeSplitPerforming),
    '',
    formatAmountCell(totalClaimed),
  ]);
}

/** A CD01.01 record of summary `s`. */
export function formatCdmClaimRow(c: CdmClaim, s: Omit<CdmSummary, 'claims'>): string {
  return formatRow([
    'CD01.01',
    c.claimId,
    s.summaryRecordId,
    c.dspResourceId,
    c.isrc,
    c.resourceTitle,
    c.displayArtistName,
    '',
    c.licensorWorkId,
    c.iswc,
    c.workTitle,
    [],
    c.composerAuthorNames,
    [],
    '',
    formatPercentCell(c.shareClaimedMechanical),
    formatPercentCell(c.shareClaimedPerforming),
    formatBlendedShareCell(blendedShareMicroPercent(c, s)),
    c.salesTransactionId,
    c.usages.toString(),
    '100',
    formatAmountCell(c.generatedRevenue),
    formatAmountCell(c.generatedRevenue),
    formatAmountCell(c.claimedAmountMechanical),
    formatAmountCell(c.claimedAmountPerforming),
    c.tariffParameters.map((p) => p.type),
    c.tariffParameters.map((p) => p.value),
    formatAmountCell(claimedAmountOf(c)),
  ]);
}

/** The SRFO record: the number of lines of the message including itself, and the number of CS01. */
export function formatCdmTrailerRow(numberOfLines: number, numberOfSummaries: number): string {
  return formatRow(['SRFO', String(numberOfLines), String(numberOfSummaries)]);
}

/** The whole message as text (LF line ends, final LF). */
export function formatCdm(message: CdmMessage): string {
  let text = '';
  for (const line of formatCdmLines(message)) text += `${line}\n`;
  return text;
}

/** A file name element: DDEX forbids `_` and spaces inside elements. */
const element = (value: string) => value.replace(/[_\s/\\]+/g, '');

/**
 * The CDM file name (CDM Part 1 §8.1): `ClaimsAmounts_Recipient_Sender_ServiceDescription_Period_Territory_CreatedDateTime.tsv`,
 * with the date-time in basic ISO 8601 (`20240401T000000`).
 */
export function cdmFileName(parts: {
  recipient: string;
  sender: string;
  serviceDescription: string;
  period: string;
  territory: string;
  createdDateTime: string;
}): string {
  const created = parts.createdDateTime
    .replace(/[-:]/g, '')
    .replace(/Z$/, '')
    .replace(/\.\d+$/, '');
  return `${CDM_PROFILE}_${[parts.recipient, parts.sender, parts.serviceDescription, parts.period, parts.territory, created].map(element).join('_')}.tsv`;
}
