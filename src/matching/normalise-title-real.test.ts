import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys } from './normalise-name.js';
import { normaliseTitle } from './normalise-title.js';

// Real-world title forms (written from the annotation conventions services and labels use; no sample
// file copied). Each row: two spellings that must give the same key.
const SAME_KEY: readonly (readonly [string, string])[] = [
  ['Another Brick in the Wall (Part 2)', 'ANOTHER BRICK IN THE WALL PART II'],
  ['Another Brick in the Wall, Pt. 2', 'Another Brick In The Wall - Part II'],
  ['Symphony No. 5', 'SYMPHONY NR 5'],
  ['Piano Sonata No. 14, Op. 27 No. 2', 'PIANO SONATA NO.14 OP.27 NO.2'],
  ['Rocky III', 'Rocky 3'],
  ['#1 Crush', 'No. 1 Crush'],
  ['Toi et moi', 'Toi & Moi'],
  ['Rock und Roll', 'Rock & Roll'],
  ['Romeo y Julieta', 'Romeo and Julieta'],
  ['Don’t Stop Me Now', "Don't Stop Me Now"],
  ['Ｈｅｌｌｏ　Ｗｏｒｌｄ', 'Hello World'],
  ['Wait…', 'Wait...'],
  ['Hotel California - Remastered 2013', 'Hotel California'],
  ['Hey Jude (Live at the Cavern)', 'Hey Jude'],
  ['Titanium [Radio Edit]', 'Titanium'],
  ['Let It Go - From "Frozen"', 'Let It Go'],
  ['Let It Go (From the Motion Picture “Frozen”)', 'Let It Go'],
  ['Despacito (feat. Daddy Yankee)', 'Despacito'],
  ['Despacito feat. Daddy Yankee', 'DESPACITO'],
  ['Shape of You - Acoustic Version', 'Shape of You'],
  ['Bohemian Rhapsody - 2011 Remaster', 'BOHEMIAN RHAPSODY'],
  ['Blinding Lights (Slowed + Reverb)', 'Blinding Lights'],
  ['Señorita', 'SENORITA'],
  ['Ça plane pour moi', 'Ca Plane Pour Moi'],
  ['Für Elise', 'FUR ELISE'],
  ['Straße', 'strasse'],
  ['Les Champs-Élysées', 'Champs Elysees'],
  ['L’Hymne à l’amour', "L'HYMNE A L'AMOUR"],
  ['Подмосковные вечера', 'ПОДМОСКОВНЫЕ ВЕЧЕРА'],
  ['Ёлка', 'Елка'],
  ['Σ’αγαπώ', 'Σ΄ΑΓΑΠΩ'],
  ['上を向いて歩こう【Live】', '上を向いて歩こう'],
  ['月亮代表我的心 (Live)', '月亮代表我的心'],
  ['أنا لحبيبي', 'انا لحبيبي'],
  ['يا طيـــور', 'يا طيور'],
  ['강남스타일', '강남스타일'],
  ['The Sound of Silence', 'Sound of Silence, The'],
];

// Rows that must stay apart.
const DIFFERENT_KEY: readonly (readonly [string, string])[] = [
  ['Another Brick in the Wall (Part 1)', 'Another Brick in the Wall (Part 2)'],
  ['Symphony No. 5', 'Symphony No. 9'],
  ['Part I', 'Part II'],
  ['Подмосковные вечера', 'Podmoskovnye vechera'],
];

describe('normaliseTitle on real-world forms', () => {
  it.each(SAME_KEY)('gives %j and %j one key', (a, b) => {
    expect(normaliseTitle(a).key).toBe(normaliseTitle(b).key);
  });

  it.each(DIFFERENT_KEY)('keeps %j and %j apart', (a, b) => {
    expect(normaliseTitle(a).key).not.toBe(normaliseTitle(b).key);
  });

  it('keeps every script as letters', () => {
    for (const t of ['Калинка', 'Σαγαπώ', '東京', 'حبيبي', 'שלום', 'สวัสดี', 'नमस्ते', '사랑']) {
      expect(normaliseTitle(t).key.replace(/ /g, '')).not.toBe('');
    }
  });

  it('reads words named like object properties as words', () => {
    expect(normaliseTitle('Constructor 2').key).toBe('constructor 2');
    expect(normaliseTitle('toString ii').key).toBe('tostring 2');
  });

  it('keeps the annotations as evidence', () => {
    expect(normaliseTitle('Let It Go - From "Frozen"').annotations).toEqual(['from frozen']);
    expect(normaliseTitle('Titanium [Radio Edit]').annotations).toEqual(['radio edit']);
    expect(normaliseTitle('上を向いて歩こう【Live】').annotations).toEqual(['live']);
  });

  it('reads a numbered suffix as the title, not a medley', () => {
    expect(normaliseTitle('Another Brick in the Wall - Pt. 2').parts).toEqual([]);
    expect(normaliseTitle('AC/DC').parts).toEqual([]);
    expect(normaliseTitle('24/7').parts).toEqual([]);
    expect(normaliseTitle('Yesterday / Hey Jude').parts).toEqual(['yesterday', 'hey jude']);
    expect(normaliseTitle('Medley: Yesterday - Let It Be - Hey Jude').parts).toEqual([
      'yesterday',
      'let it be',
      'hey jude',
    ]);
  });
});

describe('nameKeys on real artist joins', () => {
  it.each([
    ['Beyoncé & Jay-Z', ['beyonce', 'jay z']],
    ['Calvin Harris, Dua Lipa', ['calvin harris', 'dua lipa']],
    ['Drake feat. Rihanna', ['drake', 'rihanna']],
    ['Lil Nas X x Jack Harlow', ['jack harlow']],
    ['Simon / Garfunkel', ['simon', 'garfunkel']],
    ['Armin van Buuren vs Tiësto', ['armin van buuren', 'tiesto']],
    ['Guns N’ Roses', ['guns n roses']],
    ['Céline Dion', ['celine dion']],
  ])('finds each artist of %j', (credit, expected) => {
    const keys = nameKeys(credit);
    for (const k of expected) expect(keys).toContain(k);
  });
});

describe('the plain ASCII fast paths', () => {
  const word = fc.constantFrom(
    'the',
    'a',
    'part',
    'pt',
    'no',
    'ii',
    'iv',
    'x',
    'i',
    'and',
    'et',
    'y',
    'love',
    'Song',
    'ROCK',
    '2',
    'feat',
    'medley',
    'vs',
    'with',
  );
  const plain = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));

  it('gives the same title keys as the full path (a trailing "!" forces the full path)', () => {
    fc.assert(
      fc.property(plain, (t) => {
        expect(normaliseTitle(t)).toEqual(normaliseTitle(`${t}!`));
      }),
    );
  });

  it('gives the same name keys as the full path', () => {
    fc.assert(
      fc.property(plain, (n) => {
        expect(nameKeys(n)).toEqual(nameKeys(`${n}!`));
      }),
    );
  });
});
