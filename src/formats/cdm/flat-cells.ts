/**
 * DDEX flat-file cells (standards.md §1.3, CDM Part 1 §6.4): TAB between cells, `|` between the values
 * of a multi-value cell, never quoted, backslash escapes on two levels. Written: a value first escapes
 * `\` and `|` (multi-value level), then the row level escapes `\` and TAB again — so a literal pipe is
 * `\\|` as the standard says. Read: the row level undoes `\\` and `\<TAB>`; the multi-value level undoes
 * `\\` and `\|` and splits on bare `|`. A single `\|` (seen in the wild) is accepted too.
 * Line breaks inside a value cannot be represented and are written as spaces.
 */

const multiEscape = (value: string) =>
  value
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|');
const rowEscape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\\t');

/** Formats one record: each cell is a single value or a list of values (multi-value cell). */
export function formatRow(cells: readonly (string | readonly string[])[]): string {
  return cells
    .map((c) => rowEscape(typeof c === 'string' ? multiEscape(c) : c.map(multiEscape).join('|')))
    .join('\t');
}

/** Splits a record into its cells at the row level (escapes of the multi-value level are kept). */
export function parseRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    const next = line[i + 1];
    if (ch === '\\' && (next === '\\' || next === '\t')) {
      cell += next;
      i++;
    } else if (ch === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** The values of a multi-value cell (an empty cell has none). */
export function splitMulti(cell: string): string[] {
  if (cell === '') return [];
  const values: string[] = [];
  let value = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i] as string;
    const next = cell[i + 1];
    if (ch === '\\' && (next === '\\' || next === '|')) {
      value += next;
      i++;
    } else if (ch === '|') {
      values.push(value);
      value = '';
    } else value += ch;
  }
  values.push(value);
  return values;
}

/** The value of a single-value cell. */
export function singleValue(cell: string): string {
  return splitMulti(cell).join('|');
}

/** A percentage in hundredths written as DDEX decimal text without needless zeros (5000 → `50`, 3333 → `33.33`). */
export function formatPercentCell(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const frac = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}
