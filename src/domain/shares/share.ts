import { TuttiError } from '../errors/tutti-error.js';

/** A share in hundredths of a percent, CWR's `999v99` encoding: 10000 = 100.00 %. */
export type ShareHundredths = number & { readonly __brand: 'ShareHundredths' };

export const FULL_SHARE = 10000 as ShareHundredths;
/** CISAC tolerance on share totals: ±0.06 % (S-CWR22 §3.7). */
export const SHARE_TOLERANCE = 6;

export function shareHundredths(value: number): ShareHundredths {
  if (!Number.isInteger(value) || value < 0 || value > 99999) {
    throw new TuttiError(
      'INVALID_SHARE',
      `share ${value} is not an integer number of hundredths of a percent (0..99999)`,
    );
  }
  return value as ShareHundredths;
}

/** Parses a CWR 5-digit share field (`05000` = 50.00 %); blanks read as 0. */
export function parseShareField(text: string): ShareHundredths {
  const t = text.trim();
  if (t === '') return 0 as ShareHundredths;
  if (!/^\d{1,5}$/.test(t))
    throw new TuttiError('INVALID_SHARE', `share field "${text}" is not 5 digits (999v99)`);
  return Number(t) as ShareHundredths;
}

/** Parses a percentage written as decimal text (`"33.33"`, `"100"`) into hundredths, refusing more than 2 decimals. */
export function parsePercent(text: string): ShareHundredths {
  const m = /^(\d{1,3})(?:\.(\d{0,2})0*)?$/.exec(text.trim());
  if (!m) throw new TuttiError('INVALID_SHARE', `"${text}" is not a percentage with at most 2 decimals`);
  return shareHundredths(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

export function formatPercent(share: ShareHundredths): string {
  return `${Math.trunc(share / 100)}.${String(share % 100).padStart(2, '0')}`;
}

/** True when `total` is 100 % within the CISAC tolerance. */
export function isFullWithinTolerance(total: number): boolean {
  return Math.abs(total - FULL_SHARE) <= SHARE_TOLERANCE;
}
