/**
 * DSR ingest stage: validate and ingest DDEX DSR flat files through DuckDB's CSV reader.
 * @module
 */
export { type DsrIssue } from './dsr-issue.js';
export { type DsrFileAnalysis, analyseDsrFile, analyseDsrFiles } from './analyse-dsr-file.js';
export { type DsrValidation, validateDsrFiles, toValidation, formatAmount } from './validate-dsr.js';
export { type DsrSummary } from './summaries.js';
export {
  type DsrIngestStatus,
  type DsrIngestFileResult,
  type DsrIngestTotals,
  type DsrIngestOptions,
  ingestDsrFiles,
  planDsrBatches,
  DSR_BATCH_BYTES,
} from './ingest-dsr.js';
