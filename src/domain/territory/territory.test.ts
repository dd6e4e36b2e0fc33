import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTuttiError } from '../errors/tutti-error.js';
import {
  TIS_COUNTRY_ISO_CODES,
  expandTis,
  formatTerritoryExpression,
  isKnownTerritory,
  isoToTis,
  parseTerritoryExpression,
  resolveTerritories,
  territoryCovers,
  tisToIso,
} from './index.js';
import { TIS_GROUPS } from './data/tis-table.js';

describe('TIS codes', () => {
  it('maps TIS-N to ISO alpha-2 both ways, padded or not', () => {
    expect(tisToIso('250')).toBe('FR');
    expect(tisToIso('0250')).toBe('FR');
    expect(tisToIso('0276')).toBe('DE');
    expect(tisToIso('826')).toBe('GB');
    expect(tisToIso('840')).toBe('US');
    expect(isoToTis('fr')).toBe('0250');
    expect(isoToTis('US')).toBe('0840');
    expect(tisToIso('2136')).toBeUndefined();
    expect(isoToTis('XX')).toBeUndefined();
  });

  it('knows ISO codes, TIS codes with or without padding, groups and Worldwide', () => {
    for (const code of ['FR', 'de', '250', '0250', '2136', '2120', 'Worldwide', 'WORLDWIDE', 'RE'])
      expect(isKnownTerritory(code)).toBe(true);
    for (const code of ['XX', '9999', '2135', '', 'France', '+2136'])
      expect(isKnownTerritory(code)).toBe(false);
  });

  it('puts every TIS country in World and every group inside World', () => {
    const world = expandTis('2136')!;
    expect(world.size).toBe(TIS_COUNTRY_ISO_CODES.length);
    for (const iso of TIS_COUNTRY_ISO_CODES) expect(world.has(iso)).toBe(true);
    for (const code of Object.keys(TIS_GROUPS)) {
      for (const iso of expandTis(code)!) expect(world.has(iso)).toBe(true);
    }
  });

  it('expands groups through their sub-groups', () => {
    const europe = expandTis('2120')!;
    for (const iso of ['FR', 'GB', 'IE', 'IS', 'MT', 'PL', 'SE', 'CH']) expect(europe.has(iso)).toBe(true);
    expect(europe.has('US')).toBe(false);
    expect([...expandTis('2123')!].length).toBe(27);
    expect(expandTis('2123')!.has('GB')).toBe(false);
    expect(expandTis('2123')!.has('HR')).toBe(true);
    expect([...expandTis('2121')!].length).toBe(30);
    expect([...expandTis('2110')!].sort()).toEqual(['BE', 'LU', 'NL']);
    expect([...expandTis('2131')!].sort()).toEqual(['DK', 'NO', 'SE']);
    expect(expandTis('2101')!.has('MX')).toBe(true);
    expect(expandTis('2101')!.has('JM')).toBe(true);
    expect(expandTis('2100')!.has('EG')).toBe(true);
    expect(expandTis('2106')!.has('IN')).toBe(true);
    expect(expandTis('2130')!.has('AU')).toBe(true);
  });
});

describe('territory expressions', () => {
  it('parses, pads and formats terms in order', () => {
    const terms = parseTerritoryExpression(' +2136  -250 ');
    expect(terms).toEqual([
      { include: true, tis: '2136' },
      { include: false, tis: '0250' },
    ]);
    expect(formatTerritoryExpression(terms)).toBe('+2136 -0250');
    expect(parseTerritoryExpression('')).toEqual([]);
  });

  it('refuses an unknown code with a reason', () => {
    try {
      parseTerritoryExpression('+2136 -0999');
      expect.unreachable();
    } catch (e) {
      expect(isTuttiError(e) && e.code).toBe('INVALID_TERRITORY');
      expect((e as Error).message).toMatch(/0999.*not a known TIS/);
    }
    expect(() => parseTerritoryExpression('2136')).toThrow(/\+ or -/);
    expect(() => parseTerritoryExpression('+FR')).toThrow(/TIS-N/);
    expect(() => resolveTerritories([{ include: true, tis: '2135' }])).toThrow(/2135/);
  });

  it('covers the world excluding the USA but not the USA', () => {
    const expr = '+2136 -0840';
    expect(territoryCovers(expr, 'US')).toBe(false);
    expect(territoryCovers(expr, 'FR')).toBe(true);
    expect(territoryCovers(expr, 'fr')).toBe(true);
    expect(territoryCovers(expr, 'PR')).toBe(true);
    expect(territoryCovers(expr, 'CA')).toBe(true);
  });

  it('applies terms in order: +2120 -0250 +0250 covers France', () => {
    expect(territoryCovers('+2120 -0250 +0250', 'FR')).toBe(true);
    expect(territoryCovers('+0250 -2120', 'FR')).toBe(false);
    expect(territoryCovers('+2120 -0250', 'FR')).toBe(false);
  });

  it('treats Worldwide as any covered country and overseas departments as France', () => {
    expect(territoryCovers('+0250', 'Worldwide')).toBe(true);
    expect(territoryCovers('+0250 -0250', 'Worldwide')).toBe(false);
    expect(territoryCovers('+0250', 'RE')).toBe(true);
    expect(territoryCovers('+2136', 'XX')).toBe(false);
  });

  it('covers nothing of X after +X -X', () => {
    const codes = [...TIS_COUNTRY_ISO_CODES.map((iso) => isoToTis(iso)!), ...Object.keys(TIS_GROUPS)];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...TIS_COUNTRY_ISO_CODES), (tis, iso) => {
        const expr = `+${tis} -${tis}`;
        expect(resolveTerritories(parseTerritoryExpression(expr)).size).toBe(0);
        expect(territoryCovers(expr, iso)).toBe(false);
      }),
    );
  });

  it('round-trips format(parse(x)) for generated expressions', () => {
    const codes = [...TIS_COUNTRY_ISO_CODES.map((iso) => isoToTis(iso)!), ...Object.keys(TIS_GROUPS)];
    const term = fc.record({ include: fc.boolean(), tis: fc.constantFrom(...codes) });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 6 }), (terms) => {
        expect(parseTerritoryExpression(formatTerritoryExpression(terms))).toEqual(terms);
      }),
    );
  });

  it('answers millions of lookups quickly once memoised', () => {
    const isos = TIS_COUNTRY_ISO_CODES;
    const start = performance.now();
    let n = 0;
    for (let i = 0; i < 1_000_000; i++) if (territoryCovers('+2136 -0250', isos[i % isos.length]!)) n++;
    expect(n).toBeGreaterThan(990_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
