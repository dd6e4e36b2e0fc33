import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMicros, formatMicrosRounded, micros, parseMicros } from './micros.js';

describe('parseMicros', () => {
  it('reads decimal text exactly', () => {
    expect(parseMicros('18000000.00')).toBe(18_000_000_000_000n);
    expect(parseMicros('5.')).toBe(5_000_000n);
    expect(parseMicros('.5')).toBe(500_000n);
    expect(parseMicros('-0.000001')).toBe(-1n);
    expect(parseMicros('0.1234560000')).toBe(123_456n);
  });

  it('refuses text that is not a number, with the value in the message', () => {
    expect(() => parseMicros('12,5')).toThrow(/"12,5" is not a decimal amount/);
    expect(() => parseMicros('')).toThrow(/not a decimal amount/);
    expect(() => parseMicros('1e5')).toThrow(/not a decimal amount/);
  });

  it('refuses a seventh significant decimal unless asked to round half-even', () => {
    expect(() => parseMicros('0.0000015')).toThrow(/more than 6 decimals/);
    expect(parseMicros('0.0000015', { round: true })).toBe(2n);
    expect(parseMicros('0.0000025', { round: true })).toBe(2n);
    expect(parseMicros('0.00000251', { round: true })).toBe(3n);
  });

  it('round-trips with formatMicros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (v) => {
        expect(parseMicros(formatMicros(micros(v)))).toBe(v);
      }),
    );
  });
});

describe('formatMicros', () => {
  it('writes fewer decimals only when nothing is lost', () => {
    expect(formatMicros(micros(1_125_500_000n), 2)).toBe('1125.50');
    expect(() => formatMicros(micros(1_125_505_000n), 2)).toThrow(/without rounding/);
    expect(formatMicrosRounded(micros(1_125_505_000n), 2)).toBe('1125.51');
    expect(formatMicros(micros(-5n))).toBe('-0.000005');
  });
});
