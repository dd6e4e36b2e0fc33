/** Stable codes of CWR validation findings (documented in the report of issue 3). */
export type CwrFindingCode =
  | 'CWR_NO_HDR'
  | 'CWR_UNKNOWN_VERSION'
  | 'CWR_EMPTY_FILE'
  | 'CWR_RECORD_TOO_SHORT'
  | 'CWR_UNKNOWN_RECORD'
  | 'CWR_RECORD_ORDER'
  | 'CWR_REQUIRED_FIELD'
  | 'CWR_INVALID_NUMBER'
  | 'CWR_INVALID_CODE'
  | 'CWR_BAD_ISWC_CHECK_DIGIT'
  | 'CWR_BAD_IPI_CHECK_DIGIT'
  | 'CWR_BAD_ISRC'
  | 'CWR_SHARE_TOTAL'
  | 'CWR_COLLECTION_TOTAL'
  | 'CWR_PUBLISHER_SHARE'
  | 'CWR_NO_CREATOR'
  | 'CWR_TRAILER_COUNT'
  | 'CWR_MISSING_TRAILER'
  | 'CWR_SEQUENCE'
  | 'CWR_GROUP_TYPE'
  | 'CWR_VERSION_MISMATCH'
  | 'CWR_ENCODING';

/**
 * One validation finding. `line` is 1-based in the file; `record` the record type (`HDR` for file-level);
 * `field` the layout field name or '' for the whole record. An `error` rejects the transaction it is in
 * (or the whole file for `CWR_NO_HDR`, `CWR_UNKNOWN_VERSION`, `CWR_EMPTY_FILE`); a `warning` never rejects.
 */
export interface CwrFinding {
  readonly line: number;
  readonly record: string;
  readonly field: string;
  readonly code: CwrFindingCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Validation number written in ACK MSG records for each code (tutti's own numbering, stable). */
export const FINDING_NUMBERS: Readonly<Record<CwrFindingCode, number>> = {
  CWR_NO_HDR: 1,
  CWR_UNKNOWN_VERSION: 2,
  CWR_EMPTY_FILE: 3,
  CWR_RECORD_TOO_SHORT: 10,
  CWR_UNKNOWN_RECORD: 11,
  CWR_RECORD_ORDER: 12,
  CWR_REQUIRED_FIELD: 20,
  CWR_INVALID_NUMBER: 21,
  CWR_INVALID_CODE: 22,
  CWR_BAD_ISWC_CHECK_DIGIT: 30,
  CWR_BAD_IPI_CHECK_DIGIT: 31,
  CWR_BAD_ISRC: 32,
  CWR_SHARE_TOTAL: 40,
  CWR_COLLECTION_TOTAL: 41,
  CWR_PUBLISHER_SHARE: 42,
  CWR_NO_CREATOR: 43,
  CWR_TRAILER_COUNT: 50,
  CWR_MISSING_TRAILER: 51,
  CWR_SEQUENCE: 52,
  CWR_GROUP_TYPE: 53,
  CWR_VERSION_MISMATCH: 54,
  CWR_ENCODING: 60,
};

export function finding(
  line: number,
  record: string,
  field: string,
  code: CwrFindingCode,
  severity: 'error' | 'warning',
  message: string,
): CwrFinding {
  return { line, record, field, code, severity, message };
}
