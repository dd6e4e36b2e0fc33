import { parseMicros, parsePercent, TuttiError, type Micros } from '../../domain/index.js';
import {
  claimedAmountOf,
  totalClaimedOf,
  type CdmClaim,
  type CdmHeader,
  type CdmMessage,
  type CdmSummary,
} from './cdm-message.js';
import { parseRow, singleValue, splitMulti } from './flat-cells.js';

/** A line of a CDM file that could not be understood, with where and why. */
export interface CdmLineProblem {
  readonly line: number;
  readonly record: string;
  readonly reason: string;
}

/** The parsed message and the per-line problems (bad lines are skipped, never guessed). */
export interface ParsedCdm {
  readonly message: CdmMessage;
  readonly problems: readonly CdmLineProblem[];
}

const reject = (reason: string, line?: number) =>
  new TuttiError(
    'CDM_FILE_REJECTED',
    `not a CDM ClaimsAmounts message: ${reason}`,
    line === undefined ? {} : { line },
  );

type MutableSummary = Omit<CdmSummary, 'claims'> & {
  claims: CdmClaim[];
  declaredTotal: Micros;
  line: number;
};

/**
 * Reads a CDM `ClaimsAmounts` message written by `formatCdm` or another DDEX producer. `#` lines are
 * comments. A file without CDMH or SRFO is refused whole; a record that is short or holds a bad
 * number, or whose derived cells (ClaimedAmount, TotalClaimedAmount) disagree with its parts, is
 * reported as a problem with its line.
 */
export function parseCdm(text: string): ParsedCdm {
  const problems: CdmLineProblem[] = [];
  let header: CdmHeader | undefined;
  const summaries: MutableSummary[] = [];
  const byId = new Map<string, MutableSummary>();
  let footer: string[] | undefined;
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.startsWith('#') || raw === '') return;
    const cells = parseRow(raw);
    const record = cells[0] ?? '';
    const cell = (i: number) => singleValue(cells[i] ?? '');
    const problem = (reason: string) => problems.push({ line: lineNo, record, reason });
    try {
      if (record === 'CDMH.01') {
        if (cells.length < 18) throw new Error(`CDMH.01 has ${cells.length} cells, expected 18`);
        if (cell(4) !== 'ClaimsAmounts')
          throw reject(`profile is "${cell(4)}", expected ClaimsAmounts`, lineNo);
        header = {
          messageId: cell(2),
          createdDateTime: cell(3),
          salesReportId: cell(7),
          usageStartDate: cell(8),
          usageEndDate: cell(9),
          senderPartyId: cell(10),
          senderName: cell(11),
          serviceDescription: cell(12),
          recipientPartyId: cell(13),
          recipientName: cell(14),
        };
      } else if (record === 'CS01.01') {
        if (cells.length < 23) throw new Error(`CS01.01 has ${cells.length} cells, expected 23`);
        const s: MutableSummary = {
          summaryRecordId: cell(1),
          invoiceReference: cell(2),
          rightsControllerName: cell(3),
          rightsControllerPartyId: cell(4),
          startOfClaimPeriod: cell(7),
          endOfClaimPeriod: cell(8),
          commercialModel: cell(9),
          useType: cell(10),
          territory: cell(11),
          serviceDescription: cell(12),
          currencyOfReporting: cell(13),
          currencyOfInvoicing: cell(14),
          rightsTypeSplitMechanical: parsePercent(cell(19)),
          rightsTypeSplitPerforming: parsePercent(cell(20)),
          claims: [],
          declaredTotal: parseMicros(cell(22)),
          line: lineNo,
        };
        if (byId.has(s.summaryRecordId))
          throw new Error(`SummaryRecordId ${s.summaryRecordId} appears twice`);
        byId.set(s.summaryRecordId, s);
        summaries.push(s);
      } else if (record === 'CD01.01') {
        if (cells.length < 28) throw new Error(`CD01.01 has ${cells.length} cells, expected 28`);
        const s = byId.get(cell(2));
        if (!s) throw new Error(`SummaryRecordId ${cell(2)} has no CS01.01 before it`);
        const types = splitMulti(cells[25] ?? '');
        const values = splitMulti(cells[26] ?? '');
        if (types.length !== values.length)
          throw new Error('TariffParameterType and TariffParameterValue differ in length');
        const claim: CdmClaim = {
          claimId: cell(1),
          dspResourceId: cell(3),
          isrc: cell(4),
          resourceTitle: cell(5),
          displayArtistName: cell(6),
          licensorWorkId: cell(8),
          iswc: cell(9),
          workTitle: cell(10),
          composerAuthorNames: splitMulti(cells[12] ?? ''),
          shareClaimedMechanical: parsePercent(cell(15)),
          shareClaimedPerforming: parsePercent(cell(16)),
          salesTransactionId: cell(18),
          usages: BigInt(cell(19)),
          generatedRevenue: parseMicros(cell(21)),
          claimedAmountMechanical: parseMicros(cell(23)),
          claimedAmountPerforming: parseMicros(cell(24)),
          tariffParameters: types.map((type, i) => ({ type, value: values[i] as string })),
        };
        if (parseMicros(cell(27)) !== claimedAmountOf(claim))
          throw new Error('ClaimedAmount is not mechanical + performing');
        s.claims.push(claim);
      } else if (record === 'SRFO') {
        footer = cells;
      } else {
        problem(`unknown record type "${record}"`);
      }
    } catch (error) {
      if (error instanceof TuttiError && error.code === 'CDM_FILE_REJECTED') throw error;
      problem(error instanceof Error ? error.message : String(error));
    }
  });
  if (!header) throw reject('no CDMH.01 header record');
  if (!footer) throw reject('no SRFO footer (the file is cut short?)');
  if (Number(footer[1]) !== lines.length) {
    problems.push({
      line: lines.length,
      record: 'SRFO',
      reason: `NumberOfLinesInReport is ${footer[1]}, the file has ${lines.length} lines`,
    });
  }
  for (const s of summaries) {
    if (totalClaimedOf(s) !== s.declaredTotal) {
      problems.push({
        line: s.line,
        record: 'CS01.01',
        reason: `TotalClaimedAmount ${s.declaredTotal} is not the sum of its CD01 lines (${totalClaimedOf(s)})`,
      });
    }
  }
  const clean = summaries.map(({ declaredTotal: _t, line: _l, ...s }) => s);
  return { message: { header, summaries: clean }, problems };
}
