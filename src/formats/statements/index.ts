/**
 * formats/statements: member statements (décomptes) out: the column layout shared by the CSV and
 * Parquet exports, a summary PDF per member (totals, written by every distribution) and the
 * line-by-line PDF (rendered on demand).
 * @module
 */
export {
  STATEMENT_COLUMNS,
  STATEMENT_ORDER,
  type StatementLine,
  type MemberStatement,
  type StatementHeader,
} from './statement-line.js';
export type { MemberStatementSummary, StatementSummaryRow, StatementTotals } from './statement-summary.js';
export { renderStatementPdf } from './render-statement-pdf.js';
export { renderStatementSummaryPdf } from './render-statement-summary-pdf.js';
