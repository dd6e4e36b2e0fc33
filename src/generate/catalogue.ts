import type { WorkRegistration } from '../domain/index.js';
import type { BilingualTitle } from './names.js';

/** One resource a service may report: a registered recording, an unregistered cover of a work, or a foreign recording. */
export interface PoolEntry {
  readonly kind: 'registered' | 'cover' | 'foreign';
  /** Index in `Catalogue.works` (absent for foreign recordings). */
  readonly work?: number;
  readonly isrc?: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly displayArtist: string;
  readonly durationS: number;
  /** A foreign recording that carries the title of a repertoire work. */
  readonly sameTitle?: boolean;
}

export interface CatalogueWork {
  readonly senderIpi: string;
  readonly work: WorkRegistration;
  readonly titles: BilingualTitle;
  readonly writerNames: readonly string[];
  readonly publisherNames: readonly string[];
}

/** The internal side of a dataset plan: what report building samples from. */
export interface Catalogue {
  readonly works: readonly CatalogueWork[];
  readonly pool: readonly PoolEntry[];
  /** Pool indices, most popular first. */
  readonly popularity: Int32Array;
  /** ISRCs registered on recordings of more than one work. */
  readonly sharedIsrcs: ReadonlySet<string>;
  /** Every registered ISRC, for "wrong ISRC" noise. */
  readonly registeredIsrcs: readonly string[];
  readonly artists: readonly string[];
}
