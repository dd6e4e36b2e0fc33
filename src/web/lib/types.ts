import type { StatementLine as StatementLineModel } from '../../formats/statements/statement-line.js';

/** The shapes of the API's answers that the web app reads (see /openapi.json). Money: micro-unit strings. */
export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly role: 'admin' | 'operator' | 'member' | 'partner' | 'service';
  readonly partyId: string | null;
  readonly service: string | null;
  readonly society: string | null;
}

export interface Work {
  readonly workId: string;
  readonly title: string;
  readonly iswc: string | null;
  readonly submitter: string | null;
  readonly language: string | null;
  readonly durationS: number | null;
  readonly registeredAt: string | null;
}

export interface WorkDetail extends Work {
  readonly titles: { title: string; titleType: string; language: string | null }[];
  readonly iswcs: { iswc: string; preferred: boolean }[];
  readonly shares: {
    partyId: string;
    name: string | null;
    ipiNameNumber: string | null;
    role: string;
    rightType: string;
    territories: string;
    ownershipShare: number;
    collectionShare: number;
    controlled: boolean;
    society: string | null;
  }[];
  readonly performers: string[];
  readonly recordings: { isrc: string; title: string | null; displayArtist: string | null; source: string }[];
}

export interface StatementTotals {
  readonly lines: string;
  readonly gross: string;
  readonly commission: string;
  readonly deductions: string;
  readonly net: string;
}

export interface Statement extends StatementTotals {
  readonly distributionId: string;
  readonly partyId: string | null;
  readonly partyName: string | null;
  readonly payee: string | null;
}

/** A model type as the API writes it in JSON: bigints (micro-units, counts) become decimal strings. */
type Wire<T> = {
  readonly [K in keyof T]: T[K] extends bigint ? string : T[K] extends bigint | null ? string | null : T[K];
};

/** A statement line as the API sends it: the statement model's line with its payee, claim and invoice. */
export interface StatementLine extends Omit<Wire<StatementLineModel>, 'usages' | 'lineKind'> {
  readonly distributionId: string;
  readonly partyId: string | null;
  readonly usages: string | null;
  readonly lineKind: string;
  readonly payeeKind: string;
  readonly payee: string | null;
  readonly claimId: string | null;
  readonly invoiceId: string | null;
}

export interface Report {
  readonly reportId: string;
  readonly sender: string;
  readonly senderName: string | null;
  readonly service: string;
  readonly territory: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly profile: string;
  readonly partsExpected: number;
  readonly partsReceived: number;
  readonly status: string;
}

export interface ReportDetail extends Report {
  readonly usageLines: string;
  readonly resources: string;
  readonly matches: Record<string, string>;
}

export interface Match {
  readonly reportId: string;
  readonly blockId: string;
  readonly resourceRef: string;
  readonly dspResourceId: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly artists: string | null;
  readonly workId: string | null;
  readonly method: string;
  readonly score: number;
  readonly status: string;
  readonly evidence: unknown;
}

export interface Invoice {
  readonly invoiceId: string;
  readonly reportId: string;
  readonly rightsController: string;
  readonly currency: string;
  readonly amount: string;
  readonly heldOverclaim: string;
  readonly status: string;
}

export interface ClaimLine {
  readonly claimId: string;
  readonly invoiceId: string;
  readonly reportId: string;
  readonly workId: string;
  readonly rightType: string;
  readonly service: string | null;
  readonly territory: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly usages: string;
  readonly shareClaimed: number;
  readonly claimedAmount: string;
  readonly heldOverclaim: string;
}

export interface Distribution {
  readonly distributionId: string;
  readonly period: string;
  readonly status: string;
  readonly collected: string;
  readonly paid: string;
  readonly remitted: string;
  readonly commission: string;
  readonly deductions: string;
  readonly held: string;
  readonly createdAt: string;
}

/** An item of the review queue (`GET /review-items`): a resource the engine could not settle alone. */
export interface ReviewItem {
  readonly reviewId: string;
  readonly reportId: string;
  readonly dspResourceId: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly artists: string | null;
  readonly proposedWorkId: string | null;
  readonly method: string;
  readonly score: number;
  readonly reason: string;
  readonly status: string;
}

/** One review item with its evidence, candidate works and past decisions (`GET /review-items/{id}`). */
export interface ReviewDetail extends ReviewItem {
  readonly evidence: unknown;
  readonly candidates: { workId: string; title: string; iswc: string | null }[];
  readonly decisions: {
    decisionId: string;
    decision: string;
    workId: string | null;
    who: string;
    why: string | null;
    decidedAt: string;
  }[];
}

/** A quarantined input line (`GET /quarantine`). */
export interface QuarantinedLine {
  readonly fileId: string;
  readonly path: string;
  readonly lineNo: string;
  readonly recordType: string | null;
  readonly code: string;
  readonly reason: string;
  readonly raw: string | null;
  readonly runId: string;
}
