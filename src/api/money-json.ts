import { formatMicros, micros } from '../domain/index.js';

/** Money in JSON: exact micro-units as a decimal string, never a JS number. */
export function microsText(value: unknown): string {
  if (value === null || value === undefined) return '0';
  return BigInt(value as bigint | number | string).toString();
}

/** The same amount written in currency units with 6 decimals, exact ("1125.000000"). */
export function unitsText(value: unknown): string {
  return formatMicros(micros(BigInt(microsText(value))));
}
