import type { Micros } from '../../domain/index.js';
import type { StatementHeader } from './statement-line.js';

/** Sums over a set of statement lines. */
export interface StatementTotals {
  readonly lines: number;
  readonly usages: bigint;
  readonly gross: Micros;
  readonly commission: Micros;
  readonly deductions: Micros;
  readonly net: Micros;
}

/** One row of a summary table: what it groups (e.g. a right type, a service and territory, a work) and its sums. */
export interface StatementSummaryRow {
  readonly label: string;
  readonly totals: StatementTotals;
}

/**
 * A member's statement for one distribution as totals (royalties.md §3.8): what a member reads first.
 * Each table's rows add up to `total`; every line is in the statement-line files (CSV, Parquet) and in
 * the line-by-line statement (`MemberStatement`), which the API renders on demand.
 */
export interface MemberStatementSummary extends StatementHeader {
  /** All the member's lines of the distribution. */
  readonly total: StatementTotals;
  /** The adjustment lines among them (corrections of earlier distributions). */
  readonly adjustments: StatementTotals;
  readonly byRightType: readonly StatementSummaryRow[];
  /** Per service and territory. */
  readonly bySource: readonly StatementSummaryRow[];
  /** The works that earned most (net, then work id), at most a fixed number of them. */
  readonly byWork: readonly StatementSummaryRow[];
  /** The other works together, when there are more than `byWork` lists. */
  readonly otherWorks: { readonly works: number; readonly totals: StatementTotals } | null;
}
