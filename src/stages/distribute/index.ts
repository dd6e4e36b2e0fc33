/**
 * stages/distribute: distribution runs from collected money to statement lines, remittances and held
 * balances, exact to the micro-unit and checked for conservation (royalties.md §3, DESIGN.md §4).
 * @module
 */
export { distribute, type DistributeOptions, type DistributionResult } from './distribute.js';
export {
  createDistributionConfig,
  DEFAULT_DISTRIBUTION_CONFIG,
  type DistributionConfig,
} from './distribution-config.js';
export { checkConservation, type Conservation } from './check-conservation.js';
export { computeDistribution } from './compute-distribution.js';
export { largestRemainderSql, type LargestRemainderSpec, type SplitAmount } from './largest-remainder-sql.js';
export { fixedPartsSplitSql, type FixedPartsSpec } from './fixed-parts-split-sql.js';
export { allocateInSteps } from './allocate-in-steps.js';
export {
  loadMemberStatement,
  toStatementLine,
  STATEMENT_ORDER_SQL,
  STATEMENT_LINE_COLUMNS_SQL,
  type StatementLineRow,
} from './member-statement.js';
export {
  loadMemberStatementSummary,
  memberSummarySql,
  toMemberSummary,
  SUMMARY_WORKS,
  type MemberSummaryRow,
} from './member-summary.js';
