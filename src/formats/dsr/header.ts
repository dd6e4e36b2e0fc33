import { splitMultiValue, unescapeValue } from './escape.js';

/** The HEAD record of a DSR file (standards.md §1.5). */
export interface DsrHeader {
  readonly recordType: string;
  readonly messageVersion: string;
  readonly profile: string;
  readonly profileVersion: string;
  readonly messageId: string;
  readonly createdAt: string;
  readonly fileNumber: number;
  readonly numberOfFiles: number;
  readonly usageStartDate: string;
  readonly usageEndDate: string;
  readonly senderPartyId: string;
  readonly senderName: string;
  readonly serviceDescription: string;
  readonly recipientPartyId: string;
  readonly recipientName: string;
  readonly representedRepertoire: readonly string[];
}

/** The FOOT (or SRFO) record; absent counts are null. */
export interface DsrFooter {
  readonly linesInFile: bigint | null;
  readonly linesInReport: bigint | null;
  readonly summaryRecords: bigint | null;
  readonly blocksInFile: bigint | null;
  readonly blocksInReport: bigint | null;
}

export const DSR_PROFILES: readonly string[] = [
  'BasicAudioProfile',
  'BasicAudioProfileSRB',
  'UGCProfile',
  'AudioVisualProfile',
  'AudioVisualProfileSRB',
  'RoyaltyReportingProfile',
  'RadioBroadcastProfile',
  'FinancialReportingToRecordCompaniesProfileSRB',
  'MasterListProfile',
  'MasterListProfileSRB',
];

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `20151001` (basic form, seen in real files) → `2015-10-01`; other text unchanged. */
export function normaliseDsrDate(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : text;
}

/**
 * Parses HEAD cells (already split at row level). Returns the header and the problems: `errors` make
 * the header unusable (the file is refused whole), `warnings` are deviations whose meaning is clear.
 */
export function parseDsrHeader(cells: readonly string[]): { header: DsrHeader | null; errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cell = (i: number) => unescapeValue(cells[i - 1] ?? '').trim();
  const recordType = cell(1).toUpperCase();
  if (recordType !== 'HEAD' && recordType !== 'SRHE') return { header: null, errors: [`first record is "${cell(1)}", not HEAD`], warnings };
  const profileText = cell(3);
  const profile = DSR_PROFILES.find((p) => p.toLowerCase() === profileText.toLowerCase());
  if (!profile) {
    if (profileText === '') errors.push('HEAD cell 3 (Profile) is empty');
    else warnings.push(`HEAD profile "${profileText}" is not a DDEX ProfileId`);
  }
  const messageId = cell(5);
  if (messageId === '') errors.push('HEAD cell 5 (MessageId) is empty');
  const int = (i: number, name: string) => {
    const t = cell(i);
    if (t === '') {
      warnings.push(`HEAD ${name} is empty; taken as 1`);
      return 1;
    }
    if (!/^\d+$/.test(t)) {
      errors.push(`HEAD ${name} "${t}" is not a number`);
      return 1;
    }
    return Number(t);
  };
  const fileNumber = int(7, 'FileNumber');
  const numberOfFiles = int(8, 'NumberOfFiles');
  if (fileNumber < 1 || fileNumber > numberOfFiles) errors.push(`HEAD FileNumber ${fileNumber} is not within 1..${numberOfFiles}`);
  const usageStartDate = normaliseDsrDate(cell(9));
  const usageEndDate = normaliseDsrDate(cell(10));
  for (const [name, d] of [['UsageStartDate', usageStartDate], ['UsageEndDate', usageEndDate]] as const) {
    if (!DATE.test(d)) errors.push(`HEAD ${name} "${d}" is not a date YYYY[-MM[-DD]]`);
  }
  if (cell(9) !== usageStartDate || cell(10) !== usageEndDate) warnings.push('HEAD usage dates in basic form (YYYYMMDD)');
  const senderPartyId = cell(11);
  const senderName = cell(12);
  if (senderPartyId === '' && senderName === '') errors.push('HEAD has neither SenderPartyId nor SenderName');
  if (cells.length < 12) warnings.push(`HEAD has ${cells.length} cells, expected at least 12`);
  if (errors.length > 0) return { header: null, errors, warnings };
  return {
    header: {
      recordType,
      messageVersion: cell(2),
      profile: profile ?? profileText,
      profileVersion: cell(4),
      messageId,
      createdAt: cell(6),
      fileNumber,
      numberOfFiles,
      usageStartDate,
      usageEndDate,
      senderPartyId,
      senderName,
      serviceDescription: cell(13),
      recipientPartyId: cell(14),
      recipientName: cell(15),
      representedRepertoire: (cells[15] ?? '') === '' ? [] : splitMultiValue(cells[15] ?? ''),
    },
    errors,
    warnings,
  };
}

/** Parses FOOT/SRFO cells; a count that is not an integer is null and reported. */
export function parseDsrFooter(cells: readonly string[]): { footer: DsrFooter; problems: string[] } {
  const problems: string[] = [];
  const num = (i: number, name: string): bigint | null => {
    const t = (cells[i - 1] ?? '').trim();
    if (t === '') return null;
    if (!/^\d+$/.test(t)) {
      problems.push(`FOOT ${name} "${t}" is not a number`);
      return null;
    }
    return BigInt(t);
  };
  if ((cells[0] ?? '').toUpperCase() === 'SRFO') {
    return {
      footer: { linesInFile: num(2, 'NumberOfLinesInReport'), linesInReport: num(2, 'NumberOfLinesInReport'), summaryRecords: num(3, 'NumberOfSummaryRecords'), blocksInFile: null, blocksInReport: null },
      problems,
    };
  }
  return {
    footer: {
      linesInFile: num(2, 'NumberOfLinesInFile'),
      linesInReport: num(3, 'NumberOfLinesInReport'),
      summaryRecords: num(4, 'NumberOfSummaryRecords'),
      blocksInFile: num(5, 'NumberOfBlocksInFile'),
      blocksInReport: num(6, 'NumberOfBlocksInReport'),
    },
    problems,
  };
}
