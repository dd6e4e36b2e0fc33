import type { MandateSpec, UsageReportSpec, WorkRegistration } from '../domain/index.js';

/** What to generate. Sizes are counts; `months` are `YYYY-MM`; `territories` ISO alpha-2 report territories. */
export interface GenerateOptions {
  readonly works: number;
  readonly services: readonly string[];
  readonly territories: readonly string[];
  readonly months: readonly string[];
  readonly seed: number;
  /** Usage lines per report (default 500); fewer when the catalogue has too few resources. */
  readonly usageLinesPerReport?: number;
}

/** A music publisher of the synthetic world. Submitting publishers send one CWR file each. */
export interface GeneratedPublisher {
  /** The publisher's own interested-party number in registrations. */
  readonly ipNumber: string;
  readonly name: string;
  readonly ipiNameNumber: string;
  readonly ipiBaseNumber: string;
  /** CISAC society for the performing right (3 digits). */
  readonly society: string;
  readonly mrSociety: string;
  /** True when it registers works (sends a CWR file). */
  readonly submits: boolean;
}

/** One publisher's registrations: one CWR file later. */
export interface GeneratedRegistration {
  readonly senderIpi: string;
  readonly senderName: string;
  readonly works: readonly WorkRegistration[];
}

/** A mandate: a catalogue owner lets the society license and collect some rights for it (royalties.md §4). */
export type GeneratedMandate = MandateSpec;

/** Kinds of damage done to reported metadata (recorded per resource in the truth). */
export const NOISE_KINDS = [
  'no-isrc',
  'wrong-isrc',
  'isrc-shared',
  'typo',
  'case',
  'accents',
  'title-live',
  'title-remastered',
  'title-feat',
  'artist-join',
  'translated',
  'medley',
  'cover',
  'same-title',
] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

/**
 * The truth for one reported resource. `senderIpi` + `submitterWorkId` identify the true work; both are absent
 * for resources outside the repertoire. `isrc` is the ISRC as reported (absent when the report has none).
 */
export interface TruthRow {
  readonly messageId: string;
  readonly dspResourceId: string;
  readonly isrc?: string;
  readonly senderIpi?: string;
  readonly submitterWorkId?: string;
  readonly iswc?: string;
  readonly noise: readonly NoiseKind[];
}

/** An ISRC registered by mistake on recordings of two different works. */
export interface IsrcCollision {
  readonly isrc: string;
  readonly works: readonly { readonly senderIpi: string; readonly submitterWorkId: string }[];
}

/** One report to build: a service, a territory, a month. */
export interface ReportPlan {
  readonly index: number;
  readonly service: string;
  readonly territory: string;
  readonly month: string;
  readonly messageId: string;
}

/** Everything but the usage: cheap to hold for 100 k works; reports are built from it one at a time. */
export interface GeneratedRepertoire {
  readonly society: { readonly code: '058'; readonly name: 'SACEM' };
  readonly publishers: readonly GeneratedPublisher[];
  readonly registrations: readonly GeneratedRegistration[];
  readonly mandates: readonly GeneratedMandate[];
  readonly isrcCollisions: readonly IsrcCollision[];
  readonly reportPlans: readonly ReportPlan[];
}

/** A whole synthetic dataset, materialised (fixtures, tests, small demos). */
export interface GeneratedDataset extends GeneratedRepertoire {
  readonly reports: readonly UsageReportSpec[];
  readonly truth: readonly TruthRow[];
}

/** One built report and the truth for each of its resources. */
export interface BuiltReport {
  readonly report: UsageReportSpec;
  readonly truth: readonly TruthRow[];
}
