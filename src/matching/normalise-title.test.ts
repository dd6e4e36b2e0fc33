import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore, sql } from '../warehouse/index.js';
import { nameKeys, surnameKey } from './normalise-name.js';
import { normaliseTitle, numberKey } from './normalise-title.js';

const letters = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzéèàçñöüßøабвгдежзαβγδ東京愛'.split(''),
  ' ',
  ' ',
  '-',
  "'",
  '&',
  '!',
  '.',
);
const titles = fc.array(letters, { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''));

describe('normaliseTitle', () => {
  it('is idempotent on its key', () => {
    fc.assert(
      fc.property(titles, (t) => normaliseTitle(normaliseTitle(t).key).key === normaliseTitle(t).key),
    );
  });

  it('ignores case', () => {
    fc.assert(fc.property(titles, (t) => normaliseTitle(t.toUpperCase()).key === normaliseTitle(t).key));
  });

  it('ignores accents', () => {
    const plain = fc
      .array(fc.constantFrom(...'aeiounc '.split('')), { minLength: 1, maxLength: 20 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(plain, (t) => {
        const accented = t
          .replace(/a/g, 'á')
          .replace(/e/g, 'ê')
          .replace(/o/g, 'ö')
          .replace(/n/g, 'ñ')
          .replace(/c/g, 'ç');
        return normaliseTitle(accented).key === normaliseTitle(t).key;
      }),
    );
  });

  it('splits annotations out as evidence', () => {
    const t = normaliseTitle('The Long and Winding Road (Remastered 2009) [feat. Billy Preston]');
    expect(t.key).toBe('long and winding road');
    expect(t.annotations).toEqual(['remastered 2009', 'feat billy preston']);
    expect(normaliseTitle('Hey Jude - Live At Wembley').key).toBe('hey jude');
    expect(normaliseTitle('Nothing Else Matters - Remastered 2021').annotations).toEqual(['remastered 2021']);
    expect(normaliseTitle('Crazy ft. Someone').key).toBe('crazy');
  });

  it('keeps non-annotation brackets in the full key', () => {
    const t = normaliseTitle("(I Can't Get No) Satisfaction");
    expect(t.key).toBe('satisfaction');
    expect(t.fullKey).toBe(normaliseTitle('I CANT GET NO SATISFACTION').key);
  });

  it('drops leading articles in several languages, and elided ones', () => {
    expect(normaliseTitle('Les Feuilles Mortes').key).toBe('feuilles mortes');
    expect(normaliseTitle("L'Hymne à l'amour").key).toBe('hymne a lamour');
    expect(normaliseTitle('Die Moritat von Mackie Messer').key).toBe('moritat von mackie messer');
    expect(normaliseTitle('The').key).toBe('the');
  });

  it('folds & to and, and punctuation to spaces', () => {
    expect(normaliseTitle('Rock & Roll!').key).toBe(normaliseTitle('rock and roll').key);
  });

  it('splits medleys into parts', () => {
    expect(normaliseTitle('Medley: Yesterday / Hey Jude').parts).toEqual(['yesterday', 'hey jude']);
    expect(normaliseTitle('Yesterday').parts).toEqual([]);
  });

  it('keeps non-Latin scripts', () => {
    expect(normaliseTitle('Калинка').key).toBe('калинка');
    expect(normaliseTitle('東京ラプソディ').key).not.toBe('');
    expect(normaliseTitle('Σαγαπώ').key).toBe('σαγαπω');
  });
});

describe('name keys', () => {
  it('gives the whole credit and each artist, without articles', () => {
    expect(nameKeys('The Beatles')).toEqual(['beatles']);
    expect(nameKeys('Simon & Garfunkel')).toEqual(['simon and garfunkel', 'simon', 'garfunkel']);
    expect(nameKeys(null)).toEqual([]);
  });

  it('takes the longest word of a surname', () => {
    expect(surnameKey('VAN HALEN')).toBe('halen');
    expect(surnameKey('Müller')).toBe('muller');
  });
});

describe('numberKey', () => {
  it('keeps the digits of a key in order', () => {
    expect(numberKey(normaliseTitle('Another Brick in the Wall, Pt. II').key)).toBe('2');
    expect(numberKey(normaliseTitle('Sonata Op. 27 No. 2').key)).toBe('272');
    expect(numberKey('hey jude')).toBe('');
  });

  it('gives the digits the migration computed in SQL for keys indexed before it', async () => {
    const store = await openStore(':memory:', { threads: 1 });
    try {
      const keys = fc
        .sample(fc.string({ unit: 'grapheme' }), 300)
        .map((s) => normaliseTitle(`${s.replace(/\u001e/g, '')} 12`).key);
      const rows = await store.all<{ k: string; n: string }>(
        sql`SELECT k, regexp_replace(k, '[^0-9]', '', 'g') AS n FROM (SELECT unnest(string_split(${keys.join('\u001e')}, chr(30))) AS k)`,
      );
      for (const r of rows) expect(numberKey(r.k)).toBe(r.n);
    } finally {
      store.close();
    }
  });
});
