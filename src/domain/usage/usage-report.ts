/**
 * A usage report as a service would send it, independent of the DSR flat-file layout: what
 * `tutti generate` builds and the DSR writer writes. Amounts are decimal text exactly as they would
 * appear in the file (DESIGN.md §4: parsed once, into micro-units, on ingest).
 */
export interface UsageReportSpec {
  readonly messageId: string;
  readonly profile: 'BasicAudioProfile' | 'UGCProfile';
  readonly profileVersion: string;
  readonly senderPartyId: string;
  readonly senderName: string;
  readonly recipientPartyId?: string;
  readonly recipientName?: string;
  /** Service tier (`PremiumIndividual`); no spaces or underscores (used in the file name). */
  readonly serviceDescription: string;
  /** ISO 3166-1 alpha-2. */
  readonly territory: string;
  /** ISO dates. */
  readonly usageStartDate: string;
  readonly usageEndDate: string;
  /** ISO date-time with zone. */
  readonly createdAt: string;
  readonly summaries: readonly UsageSummarySpec[];
  readonly blocks: readonly UsageBlockSpec[];
}

export interface UsageSummarySpec {
  readonly summaryId: string;
  readonly commercialModel: string;
  readonly useType: string;
  readonly territory: string;
  readonly serviceDescription: string;
  /** Σ usages of the report lines pointing at this summary. */
  readonly usages: bigint;
  readonly subscribers?: bigint;
  readonly currency: string;
  /** Decimal text, e.g. `"18000000.00"`. */
  readonly netRevenue: string;
}

export interface UsageBlockSpec {
  readonly blockId: string;
  readonly release?: {
    readonly releaseRef: string;
    readonly dspReleaseId: string;
    readonly icpn?: string;
    readonly title: string;
    readonly displayArtist: string;
    readonly label?: string;
  };
  readonly resources: readonly {
    readonly resourceRef: string;
    readonly dspResourceId: string;
    readonly isrc?: string;
    readonly title: string;
    readonly subtitle?: string;
    readonly displayArtist: string;
    readonly durationS?: number;
    /** Work data, when the service knows it (written as AS02 inline or MW01 records). */
    readonly work?: {
      readonly iswc?: string;
      readonly title?: string;
      readonly writers: readonly string[];
      readonly publishers?: readonly string[];
      readonly proprietaryWorkId?: string;
    };
  }[];
  readonly usages: readonly {
    readonly summaryId: string;
    readonly transactionId: string;
    readonly resourceRef: string;
    readonly usages: bigint;
    readonly useType?: string;
    /** UGC only: revenue of this line, decimal text. */
    readonly netRevenue?: string;
  }[];
}
