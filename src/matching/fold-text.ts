/**
 * Unicode folding shared by title and name normalisation: NFKD, combining marks stripped, case folded,
 * a few letters that NFKD does not decompose mapped to their usual Latin spelling.
 * Non-Latin scripts are kept (Cyrillic, Greek, CJK, Arabic... stay letters, only their marks go).
 */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
  ſ: 's',
};
const EXTRA_RE = /[ßæœøłđðþıςſ]/g;
const MARKS_RE = /\p{M}+/gu;
const ASCII_RE = /^[\x00-\x7f]*$/;
// Apostrophes join (can't → cant) rather than split words.
const APOSTROPHES_RE = /['’‘`´ʼ]/g;

/** Folds text: NFKD, no combining marks, lower case, special letters spelt out. Keeps punctuation. */
export function foldText(raw: string): string {
  // Plain ASCII (most titles) has nothing to decompose: lower case is the whole fold.
  if (ASCII_RE.test(raw)) return raw.toLowerCase();
  return raw
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(EXTRA_RE, (c) => EXTRA_FOLDS[c] ?? c)
    .normalize('NFKC');
}

/** Folded text reduced to words: `&` → `and`, apostrophes dropped, other punctuation → one space. */
export function foldWords(raw: string): string {
  return foldText(raw)
    .replace(APOSTROPHES_RE, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
