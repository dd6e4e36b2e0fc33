/**
 * DDEX DSR flat files: record layouts as data, the two escaping levels, file names, HEAD/FOOT, and the writer.
 * The bulk reading of a file is done by DuckDB in `stages/dsr`; this module knows no storage.
 * @module
 */
export {
  type DsrRecordKind,
  type DsrRecordLayout,
  type LayoutResolution,
  DSR_RECORD_LAYOUTS,
  DSR_MULTI_VALUE_CELLS,
  splitRecordCode,
  resolveRecordLayout,
  layoutFromHeaderRow,
  cellPosition,
} from './record-layouts.js';
export { splitDsrRow, splitMultiValue, unescapeValue, joinMultiValue, escapeDsrValue, formatMultiValue } from './escape.js';
export { type DsrFileName, parseDsrFileName, dsrFileName, notificationPeriod } from './file-name.js';
export { type DsrHeader, type DsrFooter, DSR_PROFILES, parseDsrHeader, parseDsrFooter, normaliseDsrDate } from './header.js';
export { type FormatDsrOptions, formatDsrLines } from './format-dsr.js';
