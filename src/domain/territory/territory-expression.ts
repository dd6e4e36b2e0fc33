import { TuttiError } from '../errors/tutti-error.js';
import { expandTis, normaliseTis } from './territory-codes.js';

/** One term of a territory expression: include (`+`, CWR `I`) or exclude (`-`, CWR `E`) a TIS-N code (4 digits). */
export interface TerritoryTerm {
  readonly include: boolean;
  readonly tis: string;
}

/**
 * Parses the warehouse encoding of territory terms: space-separated terms applied in order, each `+` or `-`
 * followed by a TIS-N code (`'+2136 -0250'` = World excluding France). Codes of 1 to 4 digits are accepted
 * and padded to 4. An empty text is no terms (covers nothing).
 * @throws TuttiError `INVALID_TERRITORY` for a malformed term or a code that is not a TIS country or group.
 * @example parseTerritoryExpression('+2136 -250') // [{include:true,tis:'2136'},{include:false,tis:'0250'}]
 */
export function parseTerritoryExpression(text: string): TerritoryTerm[] {
  const terms: TerritoryTerm[] = [];
  for (const token of text.trim().split(/\s+/)) {
    if (token === '') continue;
    const sign = token[0];
    const tis = normaliseTis(token.slice(1));
    if ((sign !== '+' && sign !== '-') || tis === undefined) {
      throw new TuttiError(
        'INVALID_TERRITORY',
        `territory term "${token}" in "${text}" is not + or - followed by a TIS-N code (e.g. "+2136 -0250")`,
        { value: text, field: 'territories' },
      );
    }
    if (expandTis(tis) === undefined) {
      throw new TuttiError(
        'INVALID_TERRITORY',
        `territory code ${tis} in "${text}" is not a known TIS country or group (countries use ISO numeric codes, groups 2100-2136)`,
        { value: text, field: 'territories' },
      );
    }
    terms.push({ include: sign === '+', tis });
  }
  return terms;
}

/**
 * Formats terms in the warehouse encoding, codes padded to 4 digits: `[{include:true,tis:'2136'},{include:false,tis:'250'}]`
 * → `'+2136 -0250'`. The inverse of {@link parseTerritoryExpression}.
 */
export function formatTerritoryExpression(
  terms: readonly { readonly include: boolean; readonly tis: string }[],
): string {
  return terms
    .map((t) => {
      const tis = normaliseTis(t.tis);
      if (tis === undefined)
        throw new TuttiError('INVALID_TERRITORY', `"${t.tis}" is not a TIS-N code`, { value: t.tis });
      return `${t.include ? '+' : '-'}${tis}`;
    })
    .join(' ');
}

/**
 * The ISO alpha-2 countries covered by terms evaluated in order: an include adds the expansion of its code,
 * an exclude removes it (royalties.md §5). `+2120 -0250 +0250` covers France; `+0250 -2120` does not.
 * @throws TuttiError `INVALID_TERRITORY` for an unknown code.
 */
export function resolveTerritories(
  terms: readonly { readonly include: boolean; readonly tis: string }[],
): ReadonlySet<string> {
  const covered = new Set<string>();
  for (const term of terms) {
    const countries = expandTis(term.tis);
    if (countries === undefined) {
      throw new TuttiError(
        'INVALID_TERRITORY',
        `territory code ${term.tis} is not a known TIS country or group`,
        { value: term.tis },
      );
    }
    for (const c of countries) {
      if (term.include) covered.add(c);
      else covered.delete(c);
    }
  }
  return covered;
}
