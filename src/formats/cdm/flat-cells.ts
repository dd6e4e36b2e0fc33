import {
  escapeDsrValue,
  formatMultiValue,
  splitDsrRow,
  splitMultiValue,
  unescapeValue,
} from '../dsr/index.js';

/**
 * DDEX flat-file cells (standards.md §1.3, CDM Part 1 §6.4) are the DSR's: TAB between cells, `|`
 * between the values of a multi-value cell, never quoted, backslash escapes on two levels. The escaping
 * itself lives in `formats/dsr` (`escapeDsrValue`, `splitDsrRow`, ...); these are the CDM's row-shaped
 * entry points over it. Line breaks inside a value cannot be represented and are written as spaces.
 */

/** Formats one record: each cell is a single value or a list of values (multi-value cell). */
export function formatRow(cells: readonly (string | readonly string[])[]): string {
  return cells.map((c) => (typeof c === 'string' ? escapeDsrValue(c) : formatMultiValue(c))).join('\t');
}

/** Splits a record into its cells at the row level (escapes of the multi-value level are kept). */
export function parseRow(line: string): string[] {
  return splitDsrRow(line);
}

/** The values of a multi-value cell (an empty cell has none). */
export function splitMulti(cell: string): string[] {
  return cell === '' ? [] : splitMultiValue(cell);
}

/** The value of a single-value cell. */
export function singleValue(cell: string): string {
  return unescapeValue(cell);
}

/** A percentage in hundredths written as DDEX decimal text without needless zeros (5000 → `50`, 3333 → `33.33`). */
export function formatPercentCell(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const frac = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}
