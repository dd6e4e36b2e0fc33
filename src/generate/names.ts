import type { Random } from './random.js';
import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS } from './vocabulary.js';

/** A title in French and in English (the same words), so that a translated title can be reported. */
export interface BilingualTitle {
  readonly fr: string;
  readonly en: string;
}

/** A title made of 1 to 4 vocabulary words; about 50 000 distinct titles, so same titles on different works occur. */
export function makeTitle(rng: Random): BilingualTitle {
  const n1 = rng.pick(NOUNS);
  const n2 = rng.pick(NOUNS);
  const a = rng.pick(ADJECTIVES);
  switch (rng.weighted([1, 4, 4, 4])) {
    case 0:
      return { fr: n1[0], en: n1[1] };
    case 1:
      return { fr: `${n1[0]} ${a[0]}`, en: `${a[1]} ${n1[1]}` };
    case 2:
      return { fr: `${n1[0]} de ${n2[0]}`, en: `${n2[1]} ${n1[1]}` };
    default:
      return { fr: `${n1[0]} ${a[0]} de ${n2[0]}`, en: `${a[1]} ${n2[1]} ${n1[1]}` };
  }
}

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

export function makePerson(rng: Random): PersonName {
  return { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES) };
}

/** A performing artist: a person or a band. */
export function makeArtist(rng: Random): string {
  if (rng.chance(0.6)) {
    const p = makePerson(rng);
    return `${p.firstName} ${p.lastName}`;
  }
  const a = rng.pick(ADJECTIVES);
  const n = rng.pick(NOUNS);
  return rng.chance(0.5) ? `The ${a[1]} ${n[1]}s` : `${n[0]} ${a[0]}`;
}
