import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatShare, sumMoney } from './money.js';

describe('formatMoney', () => {
  it('groups thousands and rounds micro-units to cents for display', () => {
    expect(formatMoney('1900000000', 'en-GB')).toBe('1,900.00');
    expect(formatMoney('1234567890125', 'fr-FR')).toBe('1\u202f234\u202f567,89');
    expect(formatMoney('-5000', 'en-GB')).toBe('-0.01');
  });

  it('never changes the whole units of an amount in cents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (cents) => {
        expect(formatMoney((cents * 10_000n).toString(), 'en-GB').replace(/,/g, '')).toBe(
          `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`,
        );
      }),
    );
  });
});

describe('sumMoney and formatShare', () => {
  it('adds exactly and writes hundredths of a percent', () => {
    expect(sumMoney(['9007199254740993', '1'])).toBe('9007199254740994');
    expect(formatShare(3333, 'en-GB')).toBe('33.33\u00a0%');
    expect(formatShare(10000, 'fr-FR')).toBe('100,00\u00a0%');
  });
});
