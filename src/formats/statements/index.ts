/**
 * formats/statements: member statements (décomptes) out: the column layout shared by the CSV and
 * Parquet exports, and a readable PDF per member.
 * @module
 */
export {
  STATEMENT_COLUMNS,
  STATEMENT_ORDER,
  type StatementLine,
  type MemberStatement,
} from './statement-line.js';
export { renderStatementPdf } from './render-statement-pdf.js';
