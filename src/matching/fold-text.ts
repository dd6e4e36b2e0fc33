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
const APOSTROPHES_RE = /['’‘`´ʼ′‛]/g;
// Arabic tatweel (a stretching stroke, a letter to Unicode) and zero-width joiners carry no meaning.
const FILLERS_RE = /[\u0640\u200b-\u200d\u2060\ufeff]/g;

/** Folds text: NFKD, no combining marks, lower case, special letters spelt out. Keeps punctuation. */
export function foldText(raw: string): string {
  // Plain ASCII (most titles) has nothing to decompose: lower case is the whole fold.
  if (ASCII_RE.test(raw)) return raw.toLowerCase();
  return (
    raw
      .replace(FILLERS_RE, '')
      // The Greek tonos written alone is used as an apostrophe (Σ΄αγαπώ); NFKD would make it a space.
      .replace(/\u0384/g, "'")
      .normalize('NFKD')
      .replace(MARKS_RE, '')
      .toLowerCase()
      .replace(EXTRA_RE, (c) => EXTRA_FOLDS[c] ?? c)
      .normalize('NFKC')
  );
}

/**
 * Folded text reduced to words: `&` and `+` between words → `and`, `#5` / `n° 5` → `no 5`,
 * apostrophes dropped, other punctuation → one space.
 */
export function foldWords(raw: string): string {
  return foldText(raw)
    .replace(APOSTROPHES_RE, '')
    .replace(/&|\s\+\s/g, ' and ')
    .replace(/(?:#|\bn°|\bnº)\s*(?=\d)/g, ' no ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
