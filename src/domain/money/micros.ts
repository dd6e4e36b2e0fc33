import { TuttiError } from '../errors/tutti-error.js';

/**
 * An amount of money in micro-units (10^-6 of the currency unit), as an exact bigint.
 * Never a JavaScript number: 2^53 micro-units is only about 9 billion currency units.
 */
export type Micros = bigint & { readonly __brand: 'Micros' };

export const MICROS_PER_UNIT = 1_000_000n;

/** The one constructor from a bigint already in micro-units. */
export function micros(value: bigint): Micros {
  return value as Micros;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Parses decimal text (`"18000000.00"`, `"5."`, `".5"`, `"-0.000001"`) exactly into micro-units.
 * Digits beyond the sixth decimal are refused unless they are zeros, or rounded half-even when
 * `{ round: true }` is given (DSR revenues agreed with more precision than a micro-unit).
 * @example parseMicros('1125.50') === 1125500000n
 */
export function parseMicros(text: string, options: { round?: boolean } = {}): Micros {
  const trimmed = text.trim();
  const m = DECIMAL.exec(trimmed);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new TuttiError(
      'INVALID_AMOUNT',
      `"${text}" is not a decimal amount (expected digits with an optional "." and sign)`,
      {
        value: text,
      },
    );
  }
  const negative = m[1] === '-';
  const whole = BigInt(m[2] === '' ? '0' : (m[2] as string));
  const fraction = m[3] ?? '';
  const head = fraction.slice(0, 6).padEnd(6, '0');
  const tail = fraction.slice(6);
  let value = whole * MICROS_PER_UNIT + BigInt(head);
  if (/[1-9]/.test(tail)) {
    if (!options.round) {
      throw new TuttiError(
        'INVALID_AMOUNT',
        `"${text}" has more than 6 decimals; tutti keeps money in micro-units`,
        {
          value: text,
        },
      );
    }
    // Half-even on the first dropped digit and any non-zero digit after it.
    const first = Number(tail[0]);
    const rest = /[1-9]/.test(tail.slice(1));
    if (first > 5 || (first === 5 && (rest || value % 2n === 1n))) value += 1n;
  }
  return micros(negative ? -value : value);
}

/**
 * Formats micro-units as decimal text with `decimals` places (default 6), exactly.
 * Fewer places than 6 are only allowed when the dropped digits are zero; use `formatMicrosRounded` otherwise.
 * @example formatMicros(micros(1125500000n), 2) === '1125.50'
 */
export function formatMicros(value: Micros, decimals = 6): string {
  const negative = value < 0n;
  const abs = negative ? 0n - value : value;
  const whole = abs / MICROS_PER_UNIT;
  const fraction = (abs % MICROS_PER_UNIT).toString().padStart(6, '0');
  if (decimals < 6 && /[1-9]/.test(fraction.slice(decimals))) {
    throw new TuttiError(
      'INVALID_AMOUNT',
      `${value} micro-units cannot be written with ${decimals} decimals without rounding`,
    );
  }
  const shown = fraction.slice(0, decimals);
  return `${negative ? '-' : ''}${whole}${shown ? `.${shown}` : ''}`;
}

/** Lossy by name: rounds half away from zero to `decimals` places, for display only (never to store). */
export function formatMicrosRounded(value: Micros, decimals: number): string {
  const step = 10n ** BigInt(6 - decimals);
  const abs = value < 0n ? 0n - value : value;
  const rounded = ((abs + step / 2n) / step) * step;
  return formatMicros(micros(value < 0n ? -rounded : rounded), decimals);
}

export function sumMicros(values: Iterable<Micros>): Micros {
  let total = 0n;
  for (const v of values) total += v;
  return micros(total);
}
