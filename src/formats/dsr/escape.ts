/**
 * DSR escaping (standards.md §1.3, DSR Part 1 §6.6.4): cells are never quoted. Two levels:
 * the row level turns `\`+TAB into a TAB inside the cell and `\\` into `\`; the multi-value level
 * turns `\|` into a literal `|` and `\\` into `\`. A literal `|` is written `\\|` (the standard) but
 * `\|` (seen in the S-DSRF test file) is accepted too.
 */

/**
 * Splits a line into cells on unescaped TABs and undoes the row-level escapes (`\`+TAB, `\\`).
 * Any other backslash is kept for the multi-value level. A trailing CR is dropped.
 */
export function splitDsrRow(line: string): string[] {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!text.includes('\\')) return text.split('\t');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\t') {
        cell += '\t';
        i++;
        continue;
      }
      if (next === '\\' && text[i + 2] !== '|') {
        cell += '\\';
        i++;
        continue;
      }
      if (next === '\\') {
        // `\\|`: the standard's escaped pipe; keep one backslash for the multi-value level.
        cell += '\\|';
        i += 2;
        continue;
      }
      cell += ch;
      continue;
    }
    if (ch === '\t') {
      cells.push(cell);
      cell = '';
      continue;
    }
    cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Splits a multi-value cell on unescaped `|` and undoes `\|` and `\\` in each value. */
export function splitMultiValue(cell: string): string[] {
  if (!cell.includes('\\')) return cell.split('|');
  const values: string[] = [];
  let value = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    const next = cell[i + 1];
    if (ch === '\\' && (next === '|' || next === '\\')) {
      value += next;
      i++;
    } else if (ch === '|') {
      values.push(value);
      value = '';
    } else {
      value += ch;
    }
  }
  values.push(value);
  return values;
}

/** Undoes the multi-value escapes of a single-value cell (`\|` → `|`, `\\` → `\`). */
export function unescapeValue(cell: string): string {
  return cell.includes('\\') ? cell.replace(/\\([|\\])/g, '$1') : cell;
}

/** Joins values into one multi-value text with `|`, a `|` inside a value kept as `\|` (one level). */
export function joinMultiValue(values: readonly string[]): string {
  return values.map((v) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
}

/**
 * Escapes one value for writing: `\` → `\\\`... in the standard's two levels: a TAB becomes `\`+TAB,
 * a literal `|` becomes `\\|`, a literal `\` becomes `\\\\` (escaped at both levels).
 */
export function escapeDsrValue(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/\|/g, '\\\\|').replace(/\t/g, '\\\t').replace(/[\r\n]+/g, ' ');
}

/** Writes a multi-value cell: each value escaped, joined with `|`. */
export function formatMultiValue(values: readonly string[]): string {
  return values.map(escapeDsrValue).join('|');
}
