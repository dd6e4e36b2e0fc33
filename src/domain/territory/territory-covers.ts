import { canonicalIso } from './territory-codes.js';
import { parseTerritoryExpression, resolveTerritories } from './territory-expression.js';

// Share rows repeat a handful of distinct expressions millions of times: resolve each once.
const MAX_CACHED = 10_000;
const resolved = new Map<string, ReadonlySet<string>>();

function coveredBy(expression: string): ReadonlySet<string> {
  let set = resolved.get(expression);
  if (set === undefined) {
    set = resolveTerritories(parseTerritoryExpression(expression));
    if (resolved.size >= MAX_CACHED) resolved.clear();
    resolved.set(expression, set);
  }
  return set;
}

/**
 * True when the territory expression (`'+2136 -0250'`) covers the country `iso` (ISO alpha-2, any case;
 * French overseas departments count as FR). `'Worldwide'` (a DDEX report territory) is covered when the
 * expression covers at least one country. Unknown ISO codes are not covered. Memoised per expression:
 * after the first call, one map lookup and one set lookup.
 * @throws TuttiError `INVALID_TERRITORY` when the expression is malformed.
 */
export function territoryCovers(expression: string, iso: string): boolean {
  const set = coveredBy(expression);
  if (set.has(iso)) return true;
  if (iso.length === 9 && iso.toLowerCase() === 'worldwide') return set.size > 0;
  const canonical = canonicalIso(iso);
  return canonical !== undefined && set.has(canonical);
}
