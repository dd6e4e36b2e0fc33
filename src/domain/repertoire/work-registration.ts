import type { RightType } from '../rights/right-type.js';
import type { ShareHundredths } from '../shares/share.js';

/**
 * A work as a publisher registers it (the content of a CWR NWR/REV/WRK transaction), independent of
 * any file layout. The CWR reader produces it, the CWR writer and `tutti generate` consume it, and the
 * import stage stores it. Invariants (checked by the CWR validator, S-CWR22 §3.7): for each right, writer
 * plus publisher ownership is 100 % (±0.06 %); publisher PR ownership ≤ 50 %; at least one writer is C, A or CA.
 */
export interface WorkRegistration {
  /** The submitter's own work number (CWR Submitter Work #); unique per submitter. */
  readonly submitterWorkId: string;
  readonly title: string;
  /** Preferred ISWC, data form `T` + 10 digits. */
  readonly iswc?: string;
  readonly alternateTitles: readonly {
    readonly title: string;
    readonly titleType: string;
    readonly language?: string;
  }[];
  readonly language?: string;
  readonly durationS?: number;
  /** `ORI` original or `MOD` modified (arrangement, translation...). */
  readonly versionType: 'ORI' | 'MOD';
  readonly distributionCategory: 'POP' | 'SER' | 'JAZ' | 'UNC';
  readonly writers: readonly WriterInWork[];
  readonly publishers: readonly PublisherInWork[];
  readonly performers: readonly string[];
  readonly recordings: readonly RecordingRegistration[];
  /** Society work codes known for this work (CWR XRF / ACK Recipient Creation #), e.g. `{ society: '058', workId: '...' }`. */
  readonly societyWorkIds?: readonly { readonly society: string; readonly workId: string }[];
}

/** Ownership per right, in hundredths of a percent (10000 = 100 %). */
export type OwnershipShares = Readonly<Record<Exclude<RightType, never>, ShareHundredths>>;

/** A territory-scoped collection share (CWR SPT/SWT, OPT/OWT): what the party collects in those territories. */
export interface CollectionShare {
  /** Include/exclude TIS terms in order, e.g. `[{ include: true, tis: '2136' }, { include: false, tis: '250' }]`. */
  readonly territories: readonly { readonly include: boolean; readonly tis: string }[];
  readonly shares: OwnershipShares;
}

/** What a writer and a publisher of a work have in common: who they are, their societies and their shares. */
export interface InterestedPartyInWork {
  /** The submitter's interested-party number (CWR IP #). */
  readonly ipNumber: string;
  readonly ipiNameNumber?: string;
  readonly ipiBaseNumber?: string;
  /** Writer designation (CA C A AR AD SR SA TR PA) or publisher type (E AM SE AQ PA ES). */
  readonly role: string;
  /** Controlled by the submitter: SWR/SPU (true) or OWR/OPU (false). */
  readonly controlled: boolean;
  readonly prSociety?: string;
  readonly mrSociety?: string;
  readonly srSociety?: string;
  readonly ownership: OwnershipShares;
  readonly collection: readonly CollectionShare[];
}

export interface WriterInWork extends InterestedPartyInWork {
  readonly lastName: string;
  readonly firstName?: string;
  /** The publisher chain (CWR publisher sequence #) this writer is linked to by PWR, if any. */
  readonly publisherChain?: number;
}

export interface PublisherInWork extends InterestedPartyInWork {
  /** CWR publisher sequence #: all publishers of one chain share it. */
  readonly chain: number;
  readonly name: string;
  readonly agreementNumber?: string;
}

export interface RecordingRegistration {
  readonly isrc?: string;
  readonly title?: string;
  readonly versionTitle?: string;
  readonly displayArtist?: string;
  readonly label?: string;
  readonly durationS?: number;
  readonly releaseDate?: string;
  readonly ean?: string;
}
