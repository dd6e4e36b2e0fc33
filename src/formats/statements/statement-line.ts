import type { Micros } from '../../domain/index.js';

/** One line of a member statement (royalties.md §3.8): amounts are signed micro-units. */
export interface StatementLine {
  readonly workId: string | null;
  readonly iswc: string | null;
  readonly workTitle: string | null;
  readonly role: string | null;
  /** Hundredths of a percent of the right. */
  readonly share: number | null;
  readonly rightType: string | null;
  readonly service: string | null;
  readonly territory: string | null;
  /** ISO dates. */
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly usages: bigint;
  readonly gross: Micros;
  readonly commission: Micros;
  readonly deductions: Micros;
  readonly net: Micros;
  readonly lineKind: 'normal' | 'adjustment';
}

/** What every member statement of a distribution starts with, and how its balance was settled. */
export interface StatementHeader {
  readonly society: string;
  readonly distributionId: string;
  /** Distribution (payment) date, ISO; the only date printed, so the file is reproducible. */
  readonly date: string;
  readonly period: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly ipiNameNumber: string | null;
  readonly broughtForward: Micros;
  readonly paid: Micros;
  readonly carried: Micros;
}

/** A member's statement for one distribution: its lines and how its balance was settled. */
export interface MemberStatement extends StatementHeader {
  readonly lines: readonly StatementLine[];
}

/**
 * The columns of the statement-line exports (CSV and Parquet), in order. `money` columns are
 * micro-units: exact decimal text with 6 places in CSV, HUGEINT in Parquet.
 */
export const STATEMENT_COLUMNS = [
  { name: 'distribution_id', kind: 'text' },
  { name: 'payee_kind', kind: 'text' },
  { name: 'payee', kind: 'text' },
  { name: 'party_id', kind: 'text' },
  { name: 'party_name', kind: 'text' },
  { name: 'ipi_name_number', kind: 'text' },
  { name: 'work_id', kind: 'text' },
  { name: 'iswc', kind: 'text' },
  { name: 'work_title', kind: 'text' },
  { name: 'role', kind: 'text' },
  { name: 'share', kind: 'integer' },
  { name: 'right_type', kind: 'text' },
  { name: 'service', kind: 'text' },
  { name: 'territory', kind: 'text' },
  { name: 'period_start', kind: 'date' },
  { name: 'period_end', kind: 'date' },
  { name: 'usages', kind: 'integer' },
  { name: 'gross', kind: 'money' },
  { name: 'commission', kind: 'money' },
  { name: 'deductions', kind: 'money' },
  { name: 'net', kind: 'money' },
  { name: 'line_kind', kind: 'text' },
  { name: 'reason', kind: 'text' },
  { name: 'claim_id', kind: 'text' },
  { name: 'invoice_id', kind: 'text' },
] as const satisfies readonly { name: string; kind: 'text' | 'integer' | 'date' | 'money' }[];

/** The total order of exported lines: payee first, then work and usage, then the unique line key. */
export const STATEMENT_ORDER = [
  'payee_kind',
  'payee',
  'party_id',
  'work_id',
  'right_type',
  'service',
  'territory',
  'period_start',
  'claim_id',
  'invoice_id',
  'role',
  'reason',
] as const;
