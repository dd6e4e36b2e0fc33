import { ISO_ALIASES, TIS_COUNTRIES, TIS_GROUPS } from './data/tis-table.js';

const TIS_TO_ISO = new Map<string, string>();
const ISO_TO_TIS = new Map<string, string>();
for (const entry of TIS_COUNTRIES.split(/\s+/)) {
  if (entry === '') continue;
  const tis = `0${entry.slice(0, 3)}`;
  const iso = entry.slice(3);
  TIS_TO_ISO.set(tis, iso);
  ISO_TO_TIS.set(iso, tis);
}

/** Every ISO alpha-2 code of a current TIS country (aliases excluded). */
export const TIS_COUNTRY_ISO_CODES: readonly string[] = [...ISO_TO_TIS.keys()];

/**
 * TIS-N text padded to 4 digits (`'250'` → `'0250'`), or undefined when it is not 1 to 4 digits.
 * Does not say whether the code exists: see {@link isKnownTerritory}.
 */
export function normaliseTis(text: string): string | undefined {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? t.padStart(4, '0') : undefined;
}

/** The ISO alpha-2 code of a TIS country code (`'250'` or `'0250'` → `'FR'`); undefined for groups and unknown codes. */
export function tisToIso(tis: string): string | undefined {
  const n = normaliseTis(tis);
  return n === undefined ? undefined : TIS_TO_ISO.get(n);
}

/** The 4-digit TIS-N code of an ISO alpha-2 country (`'fr'` → `'0250'`); aliases map to their TIS country (`'RE'` → `'0250'`). */
export function isoToTis(iso: string): string | undefined {
  const up = iso.trim().toUpperCase();
  return ISO_TO_TIS.get(ISO_ALIASES[up] ?? up);
}

/** True for a TIS group code (2100–2136 that exists), padded or not. */
export function isTisGroup(tis: string): boolean {
  const n = normaliseTis(tis);
  return n !== undefined && n in TIS_GROUPS;
}

/** True for an ISO alpha-2 country (or alias), a TIS-N country or group code with or without padding, or `Worldwide`. */
export function isKnownTerritory(code: string): boolean {
  const t = code.trim();
  if (/^worldwide$/i.test(t)) return true;
  const n = normaliseTis(t);
  if (n !== undefined) return TIS_TO_ISO.has(n) || n in TIS_GROUPS;
  return isoToTis(t) !== undefined;
}

const expansions = new Map<string, ReadonlySet<string>>();

/**
 * The ISO alpha-2 countries a TIS-N code stands for: the country itself, or every country of a group
 * (sub-groups expanded). Undefined for an unknown code. Results are computed once and shared: do not mutate.
 */
export function expandTis(tis: string): ReadonlySet<string> | undefined {
  const n = normaliseTis(tis);
  if (n === undefined) return undefined;
  const cached = expansions.get(n);
  if (cached) return cached;
  let result: ReadonlySet<string> | undefined;
  const iso = TIS_TO_ISO.get(n);
  if (iso !== undefined) {
    result = new Set([iso]);
  } else {
    const group = TIS_GROUPS[n];
    if (group === undefined) return undefined;
    const out = new Set<string>();
    for (const member of group.members.split(' ')) {
      const sub = /^\d/.test(member) ? expandTis(member) : new Set([member]);
      if (sub === undefined) throw new Error(`TIS table: group ${n} names unknown member ${member}`);
      for (const c of sub) out.add(c);
    }
    result = out;
  }
  expansions.set(n, result);
  return result;
}

/** The English name of a TIS country or group, for messages. */
export function tisName(tis: string): string | undefined {
  const n = normaliseTis(tis);
  if (n === undefined) return undefined;
  return TIS_GROUPS[n]?.name ?? TIS_TO_ISO.get(n);
}

/** Resolves an ISO alpha-2 input to the TIS country code it belongs to (aliases folded), upper-casing it. */
export function canonicalIso(iso: string): string | undefined {
  const up = iso.trim().toUpperCase();
  const folded = ISO_ALIASES[up] ?? up;
  return ISO_TO_TIS.has(folded) ? folded : undefined;
}
