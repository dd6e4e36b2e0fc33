import { formatMicrosRounded, micros } from '../../domain/index.js';

/**
 * Money for people: micro-unit strings from the API shown with 2 decimals (rounded for display only,
 * half away from zero) and the locale's grouping; the exact amount stays in the title attribute.
 */
export function formatMoney(microUnits: string, locale: string): string {
  const text = formatMicrosRounded(micros(BigInt(microUnits)), 2);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? text.slice(1) : text).split('.');
  const group = locale.startsWith('fr') ? '\u202f' : ',';
  const decimal = locale.startsWith('fr') ? ',' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${decimal}${fraction}`;
}

/** Sums micro-unit strings exactly (bigint), as a micro-unit string. */
export function sumMoney(values: readonly string[]): string {
  return values.reduce((acc, v) => acc + BigInt(v), 0n).toString();
}

/** Hundredths of a percent as a percentage text (10000 → "100.00 %"). */
export function formatShare(hundredths: number, locale: string): string {
  const text = `${Math.trunc(hundredths / 100)}${locale.startsWith('fr') ? ',' : '.'}${String(hundredths % 100).padStart(2, '0')}`;
  return `${text}\u00a0%`;
}
