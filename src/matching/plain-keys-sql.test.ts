import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { nameKeys, writerWords } from './normalise-name.js';
import { normaliseTitle, numberKey } from './normalise-title.js';
import {
  numberKeySql,
  plainNameKeySql,
  plainNameSql,
  plainTitleSql,
  plainWriterWordsSql,
  plainWritersSql,
} from './plain-keys-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

// Words that the title and name rules look at, mixed with ordinary ones, in any case.
const word = fc.oneof(
  fc.constantFrom(
    'the',
    'a',
    'le',
    'part',
    'pt',
    'no',
    'op',
    'ii',
    'iv',
    'x',
    'and',
    'y',
    'et',
    'feat',
    'with',
  ),
  fc.constantFrom('The', 'PART', 'Vol', 'III', 'Love', 'song', 'Night', 'k', 'i', 'de', 'medley', 'vs'),
  fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
);
const seps = fc.constantFrom(' ', ' ', ' ', '  ', ', ', ' & ', ' / ', ' - ', "'", '.', '|', 'é', '(');
const text = fc
  .tuple(fc.array(fc.tuple(word, seps), { maxLength: 5 }), word)
  .map(([pairs, last]) => pairs.map(([w, s]) => w + s).join('') + last);

async function sqlKeys(t: string) {
  const row = await store.one<Record<string, unknown>>({
    text: `SELECT ${plainTitleSql('$1', 'NULL')} AS tp, lower($1) AS tkey, ${numberKeySql('lower($1)')} AS num,
      ${plainNameSql('$1')} AS np, ${plainNameKeySql('$1')} AS nkey,
      ${plainWritersSql('$1')} AS wp, list_sort(list_distinct(${plainWriterWordsSql('$1')})) AS words`,
    values: [t],
  });
  return row ?? {};
}

describe('plain keys in SQL', () => {
  it('agree with normaliseTitle, nameKeys and writerWords wherever they claim a text is plain', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const r = await sqlKeys(t);
        if (r['tp'] === true) {
          const n = normaliseTitle(t);
          expect({ key: n.key, fullKey: n.fullKey, annotations: n.annotations, parts: n.parts }).toEqual({
            key: r['tkey'],
            fullKey: r['tkey'],
            annotations: [],
            parts: [],
          });
          expect(r['num']).toBe(numberKey(n.key));
        }
        if (r['np'] === true) expect(nameKeys(t)).toEqual([r['nkey']]);
        if (r['wp'] === true) expect([...writerWords(t)].sort()).toEqual(r['words']);
      }),
      { numRuns: 400 },
    );
  });

  it('claim the common plain texts, and leave rule words and other scripts to TypeScript', async () => {
    expect((await sqlKeys('Hey Jude'))['tp']).toBe(true);
    expect((await sqlKeys('The Beatles'))['np']).toBe(true);
    expect((await sqlKeys('The Beatles'))['nkey']).toBe('beatles');
    expect((await sqlKeys('john lennon|paul mccartney'))['wp']).toBe(true);
    for (const t of ['The Road', 'Rocky II', 'Part 2', 'Love (Live)', 'Café', 'A feat B', 'Rock and Roll'])
      expect((await sqlKeys(t))['tp']).toBe(false);
    for (const t of ['Simon and Garfunkel', 'A feat B', 'Björk'])
      expect((await sqlKeys(t))['np']).toBe(false);
    expect((await sqlKeys("o'brien & co"))['wp']).toBe(false);
  });
});
