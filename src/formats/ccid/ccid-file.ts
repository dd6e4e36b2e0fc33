import { formatMicros, micros, parseMicros, TuttiError, type Micros } from '../../domain/index.js';
import { formatRow, parseRow, singleValue } from '../cdm/index.js';

/**
 * A CCID-style claim file of tutti's own design. The CCID.14 layout is not public (standards.md §2.2),
 * so this is NOT CCID: it is a documented TSV with the same content, one line per claim line (work ×
 * right × licensor), using the DDEX flat-file escapes.
 *
 * ```
 * HDR  TUTTI-CCID/1.0  MessageId  Created  SalesReportId  Sender  Recipient  Service  Territory  PeriodStart  PeriodEnd  Currency
 * ID   ClaimId  InvoiceRef  Licensor  RightsController  SummaryId  DspResourceId  ISRC  WorkId  ISWC  WorkTitle
 *      RightType  Usages  WorkValue  ShareClaimed(hundredths)  ClaimedAmount  HeldOverclaim
 * TRL  NumberOfIdLines  TotalClaimedAmount  TotalHeldOverclaim
 * ```
 * Amounts are exact decimal text with 6 decimals; shares are integers of hundredths of a percent.
 */
export const CCID_STYLE_VERSION = 'TUTTI-CCID/1.0';

export interface CcidHeader {
  readonly messageId: string;
  readonly createdDateTime: string;
  readonly salesReportId: string;
  readonly sender: string;
  readonly recipient: string;
  readonly service: string;
  readonly territory: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: string;
}

export interface CcidLine {
  readonly claimId: string;
  readonly invoiceReference: string;
  readonly licensor: string;
  readonly rightsController: string;
  readonly summaryId: string;
  readonly dspResourceId: string;
  readonly isrc: string;
  readonly workId: string;
  readonly iswc: string;
  readonly workTitle: string;
  readonly rightType: string;
  readonly usages: bigint;
  readonly workValue: Micros;
  readonly shareClaimed: number;
  readonly claimedAmount: Micros;
  readonly heldOverclaim: Micros;
}

export interface CcidFile {
  readonly header: CcidHeader;
  readonly lines: readonly CcidLine[];
}

/** Writes the CCID-style file (LF line ends, final LF); the same input always gives the same bytes. */
export function formatCcid(file: CcidFile): string {
  const out = [formatCcidHeaderRow(file.header)];
  let claimed = 0n;
  let held = 0n;
  for (const l of file.lines) {
    claimed += l.claimedAmount;
    held += l.heldOverclaim;
    out.push(formatCcidLineRow(l));
  }
  out.push(formatCcidTrailerRow(file.lines.length, micros(claimed), micros(held)));
  return `${out.join('\n')}\n`;
}

/** The HDR record. */
export function formatCcidHeaderRow(h: CcidHeader): string {
  return formatRow([
    'HDR',
    CCID_STYLE_VERSION,
    h.messageId,
    h.createdDateTime,
    h.salesReportId,
    h.sender,
    h.recipient,
    h.service,
    h.territory,
    h.periodStart,
    h.periodEnd,
    h.currency,
  ]);
}

/** One ID record. */
export function formatCcidLineRow(l: CcidLine): string {
  return formatRow([
    'ID',
    l.claimId,
    l.invoiceReference,
    l.licensor,
    l.rightsController,
    l.summaryId,
    l.dspResourceId,
    l.isrc,
    l.workId,
    l.iswc,
    l.workTitle,
    l.rightType,
    l.usages.toString(),
    formatMicros(l.workValue),
    String(l.shareClaimed),
    formatMicros(l.claimedAmount),
    formatMicros(l.heldOverclaim),
  ]);
}

/** The TRL record: the number of ID lines and their claimed and held totals. */
export function formatCcidTrailerRow(idLines: number, claimed: Micros, held: Micros): string {
  return formatRow(['TRL', String(idLines), formatMicros(claimed), formatMicros(held)]);
}

const reject = (reason: string, line?: number) =>
  new TuttiError(
    'CCID_FILE_REJECTED',
    `not a tutti CCID-style file: ${reason}`,
    line === undefined ? {} : { line },
  );

/**
 * Reads a CCID-style file written by `formatCcid`. It is refused whole when the header, trailer or a
 * line is malformed, or when the trailer's counts and totals disagree with the lines.
 */
export function parseCcid(text: string): CcidFile {
  const rows = text.split(/\r?\n/);
  if (rows[rows.length - 1] === '') rows.pop();
  let header: CcidHeader | undefined;
  const lines: CcidLine[] = [];
  let trailer: string[] | undefined;
  rows.forEach((raw, i) => {
    if (raw.startsWith('#')) return;
    const c = parseRow(raw).map(singleValue);
    const at = i + 1;
    const num = (text: string) => {
      if (!/^-?\d+$/.test(text)) throw reject(`"${text}" is not an integer`, at);
      return BigInt(text);
    };
    if (c[0] === 'HDR') {
      if (c.length !== 12 || c[1] !== CCID_STYLE_VERSION)
        throw reject(`header must have 12 cells and version ${CCID_STYLE_VERSION}`, at);
      const [
        ,
        ,
        messageId,
        createdDateTime,
        salesReportId,
        sender,
        recipient,
        service,
        territory,
        periodStart,
        periodEnd,
        currency,
      ] = c as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      header = {
        messageId,
        createdDateTime,
        salesReportId,
        sender,
        recipient,
        service,
        territory,
        periodStart,
        periodEnd,
        currency,
      };
    } else if (c[0] === 'ID') {
      if (c.length !== 17) throw reject(`ID line has ${c.length} cells, expected 17`, at);
      const v = c;
      lines.push({
        claimId: v[1]!,
        invoiceReference: v[2]!,
        licensor: v[3]!,
        rightsController: v[4]!,
        summaryId: v[5]!,
        dspResourceId: v[6]!,
        isrc: v[7]!,
        workId: v[8]!,
        iswc: v[9]!,
        workTitle: v[10]!,
        rightType: v[11]!,
        usages: num(v[12]!),
        workValue: parseMicros(v[13]!),
        shareClaimed: Number(num(v[14]!)),
        claimedAmount: parseMicros(v[15]!),
        heldOverclaim: parseMicros(v[16]!),
      });
    } else if (c[0] === 'TRL') {
      trailer = c;
    } else throw reject(`unknown record "${c[0]}"`, at);
  });
  if (!header) throw reject('no HDR line');
  if (!trailer) throw reject('no TRL line (the file is cut short?)');
  const claimed = lines.reduce((s, l) => s + l.claimedAmount, 0n);
  const held = lines.reduce((s, l) => s + l.heldOverclaim, 0n);
  if (
    Number(trailer[1]) !== lines.length ||
    parseMicros(trailer[2] ?? '') !== claimed ||
    parseMicros(trailer[3] ?? '') !== held
  ) {
    throw reject('the TRL counts or totals disagree with the ID lines');
  }
  return { header, lines };
}
