import { foldWords } from './fold-text.js';

export const NAME_ARTICLES: ReadonlySet<string> = new Set([
  'the',
  'los',
  'las',
  'les',
  'die',
  'der',
  'el',
  'la',
  'le',
  'il',
  'i',
]);
// Separators between several artists in one display name.
const ARTIST_SPLIT_RE =
  /\s*(?:\||;|,|\/|&|\+|\bfeat\.?|\bft\.?|\bfeaturing\b|\bwith\b|\bvs\.?|\bx\b|\band\b|\bet\b|\by\b|\bund\b|\be\b)\s*/u;

const PLAIN_NAME_RE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const JOIN_WORD_RE = /\b(?:feat|ft|featuring|with|vs|x|and|et|y|und|e)\b/i;

/** Key of one person or group name: folded words, leading/trailing article dropped ("beatles, the" → "beatles"). */
export function normaliseName(raw: string): string {
  const words = foldWords(raw)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length > 1 && NAME_ARTICLES.has(words[0] ?? '')) words.shift();
  if (words.length > 1 && /,\s*the\s*$/i.test(raw)) words.pop();
  return words.join(' ');
}

/**
 * Every key under which an artist credit can match: the whole credit and each artist in it
 * ("Simon & Garfunkel feat. X" → "simon and garfunkel feat x"... "simon", "garfunkel", "x"). Distinct, non-empty.
 */
export function nameKeys(raw: string | null | undefined): string[] {
  if (raw === null || raw === undefined || raw.trim() === '') return [];
  // One plain ASCII name with no joining word: its only key is itself (the common case, no regex split).
  if (PLAIN_NAME_RE.test(raw) && !JOIN_WORD_RE.test(raw)) {
    const key = normaliseName(raw);
    return key === '' ? [] : [key];
  }
  const keys = new Set<string>();
  const whole = normaliseName(raw);
  if (whole !== '') keys.add(whole);
  const lowered = raw.normalize('NFKD').toLowerCase();
  for (const piece of lowered.split(ARTIST_SPLIT_RE)) {
    const key = normaliseName(piece);
    if (key.length >= 2) keys.add(key);
  }
  return [...keys];
}

/**
 * The surname key of a writer: the longest word of the folded surname (CWR keeps surnames apart;
 * reports give full names, so a writer matches when this word is among the report's writer words).
 */
export function surnameKey(surname: string): string {
  let best = '';
  for (const w of foldWords(surname).split(' ')) if (w.length > best.length) best = w;
  return best;
}

/** The words of report writer credits ("John Lennon|Paul McCartney" → lennon, john, paul, mccartney). */
export function writerWords(raw: string | null | undefined): string[] {
  if (raw === null || raw === undefined) return [];
  const words = new Set<string>();
  for (const w of foldWords(raw).split(' ')) if (w.length >= 2) words.add(w);
  return [...words];
}
