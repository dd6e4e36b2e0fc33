import type { Catalogue, PoolEntry } from './catalogue.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import type { NoiseKind } from './types.js';

/** A resource as one service reports it: the catalogue entry after that service's metadata damage. */
export interface ReportedResource {
  readonly isrc?: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly displayArtist: string;
  readonly durationS: number;
  readonly noise: readonly NoiseKind[];
  /** Work data the service sends along (AS02/MW01), sometimes. */
  readonly work?: {
    readonly iswc?: string;
    readonly title?: string;
    readonly writers: readonly string[];
    readonly publishers?: readonly string[];
  };
}

/** The damage a service does to one resource's metadata, drawn with DAMAGE_WEIGHTS (same order). */
const DAMAGES = [
  'no-isrc',
  'wrong-isrc',
  'typo',
  'case',
  'accents',
  'title-live',
  'title-remastered',
  'title-feat',
  'artist-join',
  'translated',
  'medley',
] as const satisfies readonly NoiseKind[];
type Damage = (typeof DAMAGES)[number];
const DAMAGE_WEIGHTS = [3, 1, 3, 2, 2, 1, 1, 1, 2, 1, 0.6];

/** A one-letter mistake: two letters swapped, one dropped or one doubled. */
export function typo(rng: Random, text: string): string {
  if (text.length < 4) return `${text}${text.slice(-1)}`;
  const p = rng.int(1, text.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return text.slice(0, p) + text[p + 1] + text[p] + text.slice(p + 2);
    case 1:
      return text.slice(0, p) + text.slice(p + 1);
    default:
      return text.slice(0, p) + text[p] + text.slice(p);
  }
}

const stripAccents = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE');

/**
 * How `service` reports pool entry `poolIndex`. Seeded by (seed, service, entry), so one service reports a
 * recording the same way in every territory and month, and any report can be built alone.
 */
export function reportResource(
  catalogue: Catalogue,
  seed: number,
  service: string,
  poolIndex: number,
): ReportedResource {
  const entry = catalogue.pool[poolIndex] as PoolEntry;
  const rng = createRandom(deriveSeed(seed, 'resource', service, poolIndex));
  const noise: NoiseKind[] = [];
  let { title, displayArtist } = entry;
  let isrc = entry.isrc;
  const subtitle = entry.subtitle;
  const work = entry.work === undefined ? undefined : catalogue.works[entry.work];

  if (entry.kind === 'cover') noise.push('cover');
  if (entry.sameTitle === true) noise.push('same-title');
  if (isrc !== undefined && catalogue.sharedIsrcs.has(isrc)) noise.push('isrc-shared');

  if (entry.kind === 'registered' && work !== undefined && rng.chance(0.45)) {
    const count = rng.chance(0.75) ? 1 : 2;
    for (let k = 0; k < count; k++) {
      const damage = DAMAGES[rng.weighted(DAMAGE_WEIGHTS)] as Damage;
      if (noise.includes(damage)) continue;
      switch (damage) {
        case 'no-isrc':
          if (isrc === undefined) continue;
          isrc = undefined;
          break;
        case 'wrong-isrc': {
          const other = rng.pick(catalogue.registeredIsrcs);
          if (isrc === undefined || other === isrc) continue;
          isrc = other;
          break;
        }
        case 'typo':
          title = typo(rng, title);
          break;
        case 'case':
          title = rng.chance(0.5) ? title.toUpperCase() : title.toLowerCase();
          break;
        case 'accents': {
          const folded = stripAccents(title);
          if (folded === title) continue;
          title = folded;
          break;
        }
        case 'title-live':
          title = `${title} (Live)`;
          break;
        case 'title-remastered':
          title = `${title} - Remastered ${rng.pick([2009, 2011, 2015])}`;
          break;
        case 'title-feat':
          title = `${title} (feat. ${rng.pick(catalogue.artists)})`;
          break;
        case 'artist-join':
          displayArtist = displayArtist.includes(' & ')
            ? displayArtist.replace(' & ', rng.pick([', ', ' feat. ', ' and ', ' / ', ' x ']))
            : `${displayArtist}, ${rng.pick(catalogue.artists)}`;
          break;
        case 'translated': {
          const other =
            title === work.titles.fr ? work.titles.en : title === work.titles.en ? work.titles.fr : undefined;
          if (other === undefined || other === title) continue;
          title = other;
          break;
        }
        case 'medley':
          title = `${title} / ${rng.pick(catalogue.works).work.title}`;
          break;
      }
      noise.push(damage);
    }
  }

  const durationS = entry.durationS + rng.int(-2, 2);
  let workData: ReportedResource['work'];
  if (work !== undefined && rng.chance(0.15)) {
    workData = {
      ...(work.work.iswc === undefined ? {} : { iswc: work.work.iswc }),
      title: work.work.title,
      writers: work.writerNames,
      publishers: work.publisherNames,
    };
  } else if (work === undefined && rng.chance(0.1)) {
    workData = { title: entry.title, writers: [rng.pick(catalogue.artists)] };
  }
  return {
    title,
    displayArtist,
    durationS: Math.max(30, durationS),
    noise,
    ...(isrc === undefined ? {} : { isrc }),
    ...(subtitle === undefined ? {} : { subtitle }),
    ...(workData === undefined ? {} : { work: workData }),
  };
}
