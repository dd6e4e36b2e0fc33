/**
 * CWR (CISAC Common Works Registration) 2.1, 2.2, 3.0 and 3.1: streaming reader, CISAC edits,
 * registration and ACK writers. Layouts are data (`layouts-v2.ts`, `layouts-v3.ts`).
 * @module
 */
export type { CwrVersion, FieldSpec, RecordLayout } from './layout.js';
export { LAYOUTS_V21, LAYOUTS_V22 } from './layouts-v2.js';
export { LAYOUTS_V30, LAYOUTS_V31, layoutsV3, type V3Shape } from './layouts-v3.js';
export { defaultShape, layoutsForRecord, territoryIpLength } from './shape-v3.js';
export { fallbackCharset, latin1ToCp850, type FallbackCharset } from './charset.js';
export { type CwrFinding, type CwrFindingCode, FINDING_NUMBERS } from './finding.js';
export { readLines, type DecodedLine } from './decode-lines.js';
export { parseRecord, type CwrRecord, type ParsedRecord } from './parse-record.js';
export { detectVersion, parseHeader, layoutsFor, type CwrHeader } from './header.js';
export {
  readCwr,
  type CwrItem,
  type CwrTransaction,
  type CwrUnreadableLine,
  type ReadCwrOptions,
} from './read-cwr.js';
export { toRegistration, workRecords, parseDuration, parseSociety, parseCwrDate } from './to-registration.js';
export { validateTransaction, type ValidatedTransaction } from './validate-transaction.js';
export {
  validateCwr,
  MAX_LISTED_FINDINGS,
  type CwrFileSummary,
  type ValidateCwrHandlers,
} from './validate-cwr.js';
export { formatRecord, type FieldValue } from './format-record.js';
export {
  formatCwrLines,
  formatHeader,
  formatDuration,
  cwrFileName,
  type FormatCwrOptions,
  type CwrFileNameParts,
} from './write-cwr.js';
export { createAckWriter, ACK_STATUS, type AckWriter, type AckOptions } from './write-ack.js';
