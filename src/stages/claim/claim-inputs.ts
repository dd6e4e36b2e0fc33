import type { Micros } from '../../domain/index.js';
import type { MandateScope, WorkShareRow } from './claimable-share.js';

/** A complete report, as claims need it. Dates are ISO `YYYY-MM-DD`. */
export interface ClaimReport {
  readonly reportId: string;
  readonly messageId: string;
  readonly sender: string;
  readonly senderName: string;
  readonly service: string;
  readonly territory: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The default issue date: the day after the period ends (deterministic, never the clock). */
  readonly dayAfterPeriod: string;
}

/** One sales context of the report (a summary record). */
export interface ClaimSummary {
  readonly summaryId: string;
  readonly commercialModel: string | null;
  readonly useType: string | null;
  readonly territory: string | null;
  readonly serviceDescription: string | null;
  readonly usages: bigint | null;
  readonly totalUsages: bigint | null;
  readonly subscribers: bigint | null;
  readonly currency: string | null;
  readonly netRevenue: Micros;
}

/** The usages of one resource in one sales context, with the work it was identified as (if accepted). */
export interface ClaimResource {
  readonly blockId: string;
  readonly resourceRef: string;
  readonly dspResourceId: string | null;
  readonly transactionId: string | null;
  readonly usages: bigint;
  readonly workId: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly displayArtist: string | null;
  readonly workTitle: string | null;
  readonly iswc: string | null;
}

/** A work's shares plus what the CDM line shows of it. */
export interface ClaimWork {
  readonly workId: string;
  readonly shares: readonly WorkShareRow[];
  /** Writer names, sorted (CDM ComposerAuthorNames). */
  readonly writers: readonly string[];
}

/** Everything the claim computation reads for one report; loaded by SQL, computed on purely. */
export interface ClaimInputs {
  readonly report: ClaimReport;
  readonly summaries: readonly ClaimSummary[];
  /** Per summary id, the resources in (block, resource) order. */
  readonly resources: ReadonlyMap<string, readonly ClaimResource[]>;
  readonly works: ReadonlyMap<string, ClaimWork>;
  readonly mandates: readonly MandateScope[];
  /** Σ shares other licensors claim, by `${workId}\u0000${rightType}`. */
  readonly othersShares: ReadonlyMap<string, number>;
}

export const othersKey = (workId: string, rightType: string) => `${workId}\u0000${rightType}`;
