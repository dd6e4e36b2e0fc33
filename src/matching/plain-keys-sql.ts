import { NAME_ARTICLES } from './normalise-name.js';
import { AND_WORDS, ARTICLES, NUMBER_WORDS } from './normalise-title.js';

/**
 * SQL forms of the title, name and writer keys for the plain, common case (ASCII words and single
 * spaces, no word that a normalisation rule rewrites), where {@link normaliseTitle}, {@link nameKeys}
 * and {@link writerWords} reduce to lower case and a split. Staging computes those keys in DuckDB and
 * sends only the other texts through the TypeScript normalisation (property-tested to agree).
 * Each condition is an SQL boolean over a VARCHAR expression; it is false (never null) for null.
 */

const alt = (words: Iterable<string>) => [...words].sort().join('|');

// Words some title rule rewrites or reads: feat/medley markers, number words (and any roman numeral),
// "and" words. A title with one of them anywhere goes to TypeScript; so does one that opens with an article.
const TITLE_RULE_WORDS_RE = `\\b(?:feat|ft|featuring|medley|potpourri|megamix|${alt(NUMBER_WORDS.keys())}|${alt(AND_WORDS)}|[ivx]+)\\b`;
const TITLE_ARTICLE_RE = `^(?:${alt(ARTICLES)}) `;
const PLAIN_RE = '[A-Za-z0-9]+(?: [A-Za-z0-9]+)*';
const NAME_JOIN_RE = '\\b(?:feat|ft|featuring|with|vs|x|and|et|y|und|e)\\b';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** True when `title` (with `subtitle`) is a plain title whose key is `lower(title)` and has no annotation or part. */
export function plainTitleSql(title: string, subtitle: string): string {
  return `coalesce(regexp_full_match(${title}, ${quote(PLAIN_RE)})
    AND NOT regexp_matches(lower(${title}), ${quote(TITLE_RULE_WORDS_RE)})
    AND NOT regexp_matches(lower(${title}), ${quote(TITLE_ARTICLE_RE)})
    AND (${subtitle} IS NULL OR ${subtitle} = ''), false)`;
}

/** The digits of a key (see numberKey), as SQL. */
export function numberKeySql(key: string): string {
  return `CASE WHEN regexp_matches(${key}, '[0-9]') THEN regexp_replace(${key}, '[^0-9]', '', 'g') ELSE '' END`;
}

/** True when `name` is one plain name with no joining word: its only key is {@link plainNameKeySql}. */
export function plainNameSql(name: string): string {
  return `coalesce(regexp_full_match(${name}, ${quote(PLAIN_RE)}) AND NOT regexp_matches(lower(${name}), ${quote(NAME_JOIN_RE)}), false)`;
}

/** The key of a plain name: lower case, a leading article dropped when a word follows. */
export function plainNameKeySql(name: string): string {
  return `regexp_replace(lower(${name}), ${quote(`^(?:${alt(NAME_ARTICLES)}) `)}, '')`;
}

/** True when writer credits hold only ASCII letters, digits and separators that fold to a space. */
export function plainWritersSql(writers: string): string {
  return `coalesce(regexp_full_match(${writers}, '[A-Za-z0-9 |,.;/-]*'), false)`;
}

/** The writer words (two characters or more, not distinct) of plain credits, as an SQL list. */
export function plainWriterWordsSql(writers: string): string {
  return `list_filter(regexp_split_to_array(lower(${writers}), '[^a-z0-9]+'), w -> length(w) >= 2)`;
}
