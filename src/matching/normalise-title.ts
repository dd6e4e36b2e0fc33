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
const ARTICLES = new Set([
  'the', 'a', 'an', 'le', 'la', 'les', 'l', 'el', 'los', 'las', 'der', 'die', 'das', 'den', 'dem', 'des',
  'il', 'lo', 'i', 'gli', 'un', 'une', 'uno', 'una', 'ein', 'eine', 'het', 'de', 'een', 'o', 'os', 'as',
]);

const ANNOTATION_WORDS =
  /\b(feat|ft|featuring|with|live|remaster|remastered|remasterizado|mix|remix|edit|version|versao|acoustic|acustico|instrumental|demo|mono|stereo|explicit|clean|karaoke|unplugged|extended|single|album|bonus|reprise|rework|dub|original|cover|session|sessions|take|radio|re-recorded|rerecorded|en vivo|ao vivo|en directo|from)\b/;
const FEAT_RE = /\s(?:feat\.?|ft\.?|featuring)\s.*$/;
const BRACKET_RE = /[([{]([^()[\]{}]*)[)\]}]/g;
const MEDLEY_PREFIX_RE = /^\s*(?:medley|potpourri|pot-pourri|megamix)\s*[:\-–—]\s*/;
const MEDLEY_SPLIT_RE = /\s*\/\s*|\s+[-–—]\s+/;

/** Removes leading articles (and a trailing ", the"), always keeping at least one word. */
function stripArticles(words: string[]): string[] {
  const out = [...words];
  if (out.length > 2 && out[out.length - 2] === ',' && ARTICLES.has(out[out.length - 1] ?? '')) out.splice(-2);
  while (out.length > 1 && ARTICLES.has(out[0] ?? '')) out.shift();
  return out;
}

/** Folded words of a title fragment, articles stripped; elided articles (l', d') dropped first. */
function keyOf(fragment: string): string {
  const elided = fragment.replace(/^\s*(?:l|d|dell|dall|nell|all|sull)['’]\s*/, '');
  const words = foldWords(elided.replace(/\s*,\s*/g, ' , ')).split(' ').filter((w) => w !== '');
  // The ", the" marker survives foldWords as a split point only; rebuild it for the trailing-article test.
  const withComma = /,\s*(the|a|an|le|la|les|el|los|las|der|die|das)\s*$/.test(elided) ? [...words.slice(0, -1), ',', words[words.length - 1] ?? ''] : words;
  return stripArticles(withComma)
    .filter((w) => w !== ',')
    .join(' ');
}

function isAnnotation(folded: string): boolean {
  return ANNOTATION_WORDS.test(folded) || /\b(19|20)\d\d\b/.test(folded);
}

/**
 * Normalises a recording or work title for matching (the one normalisation used everywhere).
 * Idempotent on its key (`normaliseTitle(t.key).key === t.key`), insensitive to case and accents.
 * @example normaliseTitle('The Long and Winding Road (Remastered 2009)') // key 'long and winding road', annotations ['remastered 2009']
 */
export function normaliseTitle(raw: string): NormalisedTitle {
  let text = foldText(raw).replace(/\s+/g, ' ').trim();
  const annotations: string[] = [];
  const extras: string[] = [];
  // Bracketed parts: annotations are evidence, other parts stay in the full key only.
  text = text.replace(BRACKET_RE, (_m, inner: string) => {
    const words = foldWords(inner);
    if (words !== '') (isAnnotation(inner) ? annotations : extras).push(words);
    return ' ';
  });
  text = text.replace(/[()[\]{}]/g, ' ').replace(/\s+/g, ' ').trim();
  const feat = FEAT_RE.exec(` ${text}`);
  if (feat) {
    annotations.push(foldWords(feat[0]));
    text = ` ${text}`.slice(0, feat.index).trim();
  }
  const medley = MEDLEY_PREFIX_RE.test(text);
  if (medley) text = text.replace(MEDLEY_PREFIX_RE, '');
  // Dash or slash suffixes: an annotation ("- live at wembley", "- from 'x'") or a medley part.
  let pieces = text.split(MEDLEY_SPLIT_RE).filter((p) => foldWords(p) !== '');
  while (pieces.length > 1 && isAnnotation(pieces[pieces.length - 1] ?? '')) annotations.push(foldWords(pieces.pop() ?? ''));
  if (pieces.length === 0) pieces = [text];
  const parts = pieces.map(keyOf).filter((p) => p !== '');
  let key = parts.join(' / ');
  if (key === '') key = foldWords(raw) || raw.trim().toLowerCase();
  const fullKey = extras.length > 0 && parts.length <= 1 ? keyOf(`${extras.join(' ')} ${pieces.join(' ')}`) : key;
  return {
    key,
    fullKey: fullKey === '' ? key : fullKey,
    tokens: key.split(/ \/ | /).filter((t) => t !== ''),
    annotations,
    parts: parts.length > 1 ? parts : [],
  };
}
