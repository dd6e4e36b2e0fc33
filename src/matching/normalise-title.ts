import { foldText, foldWords } from './fold-text.js';

/**
 * A title reduced to matching keys. The annotations are not thrown away: they are evidence
 * (a "live" or "remix" recording is still the same work, a "from <film>" tells the source).
 */
export interface NormalisedTitle {
  /** The main title: folded words, no leading article, no annotations, no bracketed parts. */
  readonly key: string;
  /** The main title with its non-annotation bracketed parts kept as words ("(i cant get no) satisfaction"). */
  readonly fullKey: string;
  /** Words of `key`. */
  readonly tokens: readonly string[];
  /** Version annotations found: "feat x", "live", "remastered 2011", "from x"... (folded). */
  readonly annotations: readonly string[];
  /** Medley parts (keys), two or more when the title joins several works ("a / b", "medley: a - b"). */
  readonly parts: readonly string[];
}

// Leading articles in the languages most reported (en, fr, es, pt, de, it, nl, ...).
export const ARTICLES: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  'l',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'il',
  'lo',
  'i',
  'gli',
  'un',
  'une',
  'uno',
  'una',
  'ein',
  'eine',
  'het',
  'de',
  'een',
  'o',
  'os',
  'as',
]);

const ANNOTATION_WORDS =
  /\b(feat|ft|featuring|with|live|remaster\w*|remix\w*|mix|mixed|edit|version|versao|versione|fassung|acoustic|acustic[oa]|instrumental|demo|mono|stereo|explicit|clean|karaoke|unplugged|extended|single|album|bonus|reprise|rework|dub|original|cover|session|sessions|take|radio|re-recorded|rerecorded|en vivo|ao vivo|en directo|dal vivo|from|edition|deluxe|anniversary|slowed|sped|reverb|official|lyric|lyrics|visualizer|soundtrack|ost|motion picture|bande originale)\b/;
const FEAT_RE = /\s(?:feat\.?|ft\.?|featuring)\s.*$/;
// CJK lenticular and tortoise-shell brackets are brackets too ("【Live】"); 「」『』 are quotes.
const CJK_OPEN_RE = /[【〔〖［（]/g;
const CJK_CLOSE_RE = /[】〕〗］）]/g;
const BRACKET_RE = /[([{]([^()[\]{}]*)[)\]}]/g;
const MEDLEY_PREFIX_RE = /^\s*(?:medley|potpourri|pot-pourri|megamix)\s*[:\-–—]\s*/;
// A slash needs a space on one side to join works ("a / b"); "ac/dc", "24/7" are one title.
const MEDLEY_SPLIT_RE = /\s+\/\s*|\s*\/\s+|\s+[-–—]\s+/;

// Words that introduce a number ("part 2", "op 27 no 2", "vol iii") and their spellings.
// A Map, not an object: a title word such as "constructor" must not find Object.prototype.
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    part: 'part',
    pt: 'part',
    parte: 'part',
    partie: 'part',
    teil: 'part',
    no: 'no',
    nr: 'no',
    num: 'no',
    number: 'no',
    numero: 'no',
    op: 'op',
    opus: 'op',
    vol: 'vol',
    volume: 'vol',
    chapter: 'chapter',
    chapitre: 'chapter',
    act: 'act',
    book: 'book',
    kapitel: 'chapter',
    capitulo: 'chapter',
    bwv: 'bwv',
    kv: 'kv',
    k: 'k',
  }),
);
const NUMERAL_RE = /^(?:\d+|[ivx]+)$/;
// "and" in the languages most reported: & / and / et / und / y / e / og / och are one word.
export const AND_WORDS: ReadonlySet<string> = new Set(['and', 'et', 'und', 'y', 'e', 'og', 'och']);
const ROMAN_RE = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };
const NUMBERISH_RE = new RegExp(
  `^(?:(?:${[...NUMBER_WORDS.keys()].join('|')})\\s*(?:\\d+|[ivx]+)\\s*)+$|^(?:\\d+|[ivx]+)$`,
);

function romanValue(word: string): number | undefined {
  if (word === '' || !ROMAN_RE.test(word)) return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = ROMAN[word[i] ?? ''] ?? 0;
    const next = ROMAN[word[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * Canonical words: number words spelt one way ("pt" → "part", "nr" → "no"), roman numerals after a
 * number word or ending a title made arabic ("part ii" → "part 2", "rocky iii" → "rocky 3"; a lone "i"
 * or "x" stays a word), and "and" in several languages made "and".
 */
function canonicalWords(words: string[]): string[] {
  const last = words.length - 1;
  for (let i = 0; i <= last; i++) {
    const w = words[i] ?? '';
    const intro = NUMBER_WORDS.get(w);
    if (intro !== undefined && NUMERAL_RE.test(words[i + 1] ?? '')) {
      words[i] = intro;
      continue;
    }
    if ((i > 0 && NUMBER_WORDS.has(words[i - 1] ?? '')) || (i === last && i > 0 && w.length >= 2)) {
      const n = romanValue(w);
      if (n !== undefined && n > 0) {
        words[i] = String(n);
        continue;
      }
    }
    if (i > 0 && i < last && AND_WORDS.has(w)) words[i] = 'and';
  }
  return words;
}

/** Removes leading articles (and a trailing ", the"), always keeping at least one word. */
function stripArticles(words: string[]): string[] {
  const out = [...words];
  if (out.length > 2 && out[out.length - 2] === ',' && ARTICLES.has(out[out.length - 1] ?? ''))
    out.splice(-2);
  while (out.length > 1 && ARTICLES.has(out[0] ?? '')) out.shift();
  return out;
}

/** Folded words of a title fragment, articles stripped; elided articles (l', d') dropped first. */
function keyOf(fragment: string): string {
  const elided = fragment.replace(/^\s*(?:l|d|dell|dall|nell|all|sull)['’]\s*/, '');
  const words = foldWords(elided.replace(/\s*,\s*/g, ' , '))
    .split(' ')
    .filter((w) => w !== '');
  // The ", the" marker survives foldWords as a split point only; rebuild it for the trailing-article test.
  const withComma = /,\s*(the|a|an|le|la|les|el|los|las|der|die|das)\s*$/.test(elided)
    ? [...words.slice(0, -1), ',', words[words.length - 1] ?? '']
    : words;
  return canonicalWords(stripArticles(withComma).filter((w) => w !== ',')).join(' ');
}

function isAnnotation(folded: string): boolean {
  return ANNOTATION_WORDS.test(folded) || /\b(19|20)\d\d\b/.test(folded);
}

/** A fragment that only numbers the title ("part 2", "pt. ii", "op. 27 no. 2"): it belongs to the key. */
function isNumbering(fragment: string): boolean {
  return NUMBERISH_RE.test(foldWords(fragment));
}

// Plain titles (ASCII letters, digits and single spaces, no feat/medley word) have nothing to fold,
// split or bracket: their key is their words. Most catalogue titles are such; measured ~5x faster.
const PLAIN_RE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const PLAIN_SPECIAL_RE = /\b(?:feat|ft|featuring|medley|potpourri|megamix)\b/i;

function plainTitle(raw: string): NormalisedTitle {
  const words = canonicalWords(stripArticles(raw.toLowerCase().split(' ')));
  const key = words.join(' ');
  return { key, fullKey: key, tokens: words, annotations: [], parts: [] };
}

/**
 * Normalises a recording or work title for matching (the one normalisation used everywhere).
 * Idempotent on its key (`normaliseTitle(t.key).key === t.key`), insensitive to case and accents.
 * @example normaliseTitle('The Long and Winding Road (Remastered 2009)') // key 'long and winding road', annotations ['remastered 2009']
 */
export function normaliseTitle(raw: string): NormalisedTitle {
  if (PLAIN_RE.test(raw) && !PLAIN_SPECIAL_RE.test(raw)) return plainTitle(raw);
  let text = foldText(raw).replace(CJK_OPEN_RE, '(').replace(CJK_CLOSE_RE, ')').replace(/\s+/g, ' ').trim();
  const annotations: string[] = [];
  const extras: string[] = [];
  // Bracketed parts: annotations are evidence, other parts stay in the full key only.
  text = text.replace(BRACKET_RE, (_m, inner: string) => {
    const words = foldWords(inner);
    if (words === '') return ' ';
    if (isAnnotation(inner)) annotations.push(words);
    else if (isNumbering(inner)) return ` ${inner} `;
    else extras.push(words);
    return ' ';
  });
  text = text
    .replace(/[()[\]{}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const feat = FEAT_RE.exec(` ${text}`);
  if (feat) {
    annotations.push(foldWords(feat[0]));
    text = ` ${text}`.slice(0, feat.index).trim();
  }
  const medley = MEDLEY_PREFIX_RE.test(text);
  if (medley) text = text.replace(MEDLEY_PREFIX_RE, '');
  // Dash or slash suffixes: an annotation ("- live at wembley", "- from 'x'") or a medley part.
  let pieces = text.split(MEDLEY_SPLIT_RE).filter((p) => foldWords(p) !== '');
  while (pieces.length > 1 && isAnnotation(pieces[pieces.length - 1] ?? ''))
    annotations.push(foldWords(pieces.pop() ?? ''));
  // "Title - Part 2", "Title - Pt. II": the numbering is part of the title, not another work.
  while (pieces.length > 1 && isNumbering(pieces[pieces.length - 1] ?? '')) {
    const last = pieces.pop() ?? '';
    pieces[pieces.length - 1] = `${pieces[pieces.length - 1] ?? ''} ${last}`;
  }
  if (pieces.length === 0) pieces = [text];
  const parts = pieces.map(keyOf).filter((p) => p !== '');
  let key = parts.join(' / ');
  if (key === '') key = foldWords(raw) || raw.trim().toLowerCase();
  const fullKey =
    extras.length > 0 && parts.length <= 1 ? keyOf(`${extras.join(' ')} ${pieces.join(' ')}`) : key;
  return {
    key,
    fullKey: fullKey === '' ? key : fullKey,
    tokens: key.split(/ \/ | /).filter((t) => t !== ''),
    annotations,
    parts: parts.length > 1 ? parts : [],
  };
}

/** The digits of a title key, in order ('part 2' → '2', 'op 27 no 2' → '272'): titles whose digits differ are different works. */
export function numberKey(key: string): string {
  return DIGIT_RE.test(key) ? key.replace(NON_DIGITS_RE, '') : '';
}
const DIGIT_RE = /[0-9]/;
const NON_DIGITS_RE = /[^0-9]/g;
