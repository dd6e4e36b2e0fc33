import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDpid,
  checkGtin,
  checkIpiBaseNumber,
  checkIpiNameNumber,
  checkIsni,
  checkIsrc,
  checkIswc,
  dpidFromPayload,
  formatIswc,
  gtinFromPayload,
  ipiBaseNumberFromNumber,
  ipiNameNumberFromNumber,
  iswcFromNumber,
  parseIswc,
} from './identifiers.js';

const nine = fc.integer({ min: 1, max: 999_999_999 });

/** Changes one digit of `text` at `pos` (among digit positions) to a different digit. */
function mutateDigit(text: string, pos: number, delta: number): string {
  const idx = [...text].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = idx[pos % idx.length]!;
  const d = (Number(text[i]) + 1 + (delta % 9)) % 10;
  return text.slice(0, i) + String(d) + text.slice(i + 1);
}

describe('ISWC', () => {
  it('accepts real examples in data and display form', () => {
    for (const t of [
      'T0345246801',
      'T9109247316',
      'T0702472794',
      'T0030749586',
      'T-034.524.680-1',
      't1234567894',
    ]) {
      expect(checkIswc(t).ok).toBe(true);
    }
    expect(formatIswc(parseIswc('T0345246801'))).toBe('T-034.524.680-1');
  });
  it('says why an ISWC is refused', () => {
    expect(checkIswc('T0345246802')).toEqual({ ok: false, reason: 'check digit is 2, expected 1' });
    expect(checkIswc('0345246801')).toMatchObject({ ok: false, reason: /T followed by 10 digits/ });
    expect(() => parseIswc('T12')).toThrow(/ISWC "T12" is invalid/);
  });
  it('round-trips generated numbers; a changed digit fails unless weight × change is a multiple of 10', () => {
    fc.assert(
      fc.property(nine, fc.nat(), fc.nat(), (n, pos, delta) => {
        const iswc = iswcFromNumber(n);
        expect(checkIswc(iswc).ok).toBe(true);
        const changed = mutateDigit(iswc, pos, delta);
        const i = [...iswc].findIndex((c, k) => c !== changed[k]);
        const change = Math.abs(Number(changed[i]) - Number(iswc[i]));
        // Weights are 1..9 by position and 1 for the check digit: ISO 15707 misses 5×even and even×5 changes.
        const weight = i === 10 ? 1 : i;
        expect(checkIswc(changed).ok).toBe((weight * change) % 10 === 0);
      }),
    );
  });
});

describe('IPI name number', () => {
  it('accepts real examples and pads dropped leading zeros', () => {
    for (const t of ['00261661375', '00250165006', '00014107338', '00000000199', '261661375']) {
      expect(checkIpiNameNumber(t).ok).toBe(true);
    }
    expect(checkIpiNameNumber('00004409593').ok).toBe(false);
    expect(checkIpiNameNumber('00000000000')).toEqual({ ok: false, reason: 'all zeros' });
  });
  it('round-trips and fails on a changed digit', () => {
    fc.assert(
      fc.property(nine, fc.nat(), fc.nat(), (n, pos, delta) => {
        const ipi = ipiNameNumberFromNumber(n);
        expect(checkIpiNameNumber(ipi).ok).toBe(true);
        expect(checkIpiNameNumber(mutateDigit(ipi, pos, delta)).ok).toBe(false);
      }),
    );
  });
});

describe('IPI base number', () => {
  it('accepts the documented example and normalises the dashes', () => {
    expect(checkIpiBaseNumber('I-123456789-3')).toEqual({ ok: true, value: 'I-123456789-3' });
    expect(checkIpiBaseNumber('I0000002297')).toEqual({ ok: true, value: 'I-000000229-7' });
    expect(checkIpiBaseNumber('I-123456789-4').ok).toBe(false);
  });
  it('round-trips generated numbers', () => {
    fc.assert(
      fc.property(nine, (n) => {
        expect(checkIpiBaseNumber(ipiBaseNumberFromNumber(n)).ok).toBe(true);
      }),
    );
  });
});

describe('ISRC', () => {
  it('normalises prefix, hyphens and case, and refuses the wrong shape', () => {
    expect(checkIsrc('ISRC US-SM1-98-03037')).toEqual({ ok: true, value: 'USSM19803037' });
    expect(checkIsrc('gbaht0900445')).toEqual({ ok: true, value: 'GBAHT0900445' });
    expect(checkIsrc('U1SM19803037').ok).toBe(false);
    expect(checkIsrc('USSM1980303').ok).toBe(false);
  });
});

describe('ISNI, GTIN and DPID', () => {
  it('accept the verified examples', () => {
    for (const t of ['0000000081266409', '0000000109201181', '000000012146438X', 'ISNI::0000000063037346'])
      expect(checkIsni(t).ok).toBe(true);
    for (const t of ['825646846917', '4006381333931', '036000291452']) expect(checkGtin(t).ok).toBe(true);
    expect(checkGtin('731453000000').ok).toBe(false);
    for (const t of ['PADPIDA2013020802I', 'PADPIDA20070627029', 'DPID::PADPIDA2014111801Y'])
      expect(checkDpid(t).ok).toBe(true);
    expect(checkDpid('PADPIDA2014999999Z').ok).toBe(false);
  });
  it('build valid identifiers from payloads', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.stringMatching(/^\d{10}$/), (p, d) => {
        expect(checkGtin(gtinFromPayload(p)).ok).toBe(true);
        expect(checkDpid(dpidFromPayload(d)).ok).toBe(true);
      }),
    );
  });
});
