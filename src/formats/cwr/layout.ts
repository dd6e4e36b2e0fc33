/** CWR versions tutti reads and writes. */
export type CwrVersion = '2.1' | '2.2' | '3.0' | '3.1';

/** Field kinds: `A` alphanumeric (left-justified, blank-filled), `N` numeric/date/time/share (right-justified, zero-filled). */
export type FieldKind = 'A' | 'N';

/** One field of a fixed-width record: name, 1-based start position and length in characters (standards.md §3.3). */
export interface FieldSpec {
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly kind: FieldKind;
}

/** A record layout: its fields in position order and its nominal length. */
export interface RecordLayout {
  readonly type: string;
  readonly fields: readonly FieldSpec[];
  readonly length: number;
}

/** `[name, start, length, kind?]`: the compact way layouts are written as data. */
export type FieldRow = readonly [string, number, number, FieldKind?];

/** Builds a layout from rows; the nominal length is the end of the last field. */
export function createLayout(type: string, rows: readonly FieldRow[]): RecordLayout {
  const fields = rows.map(([name, start, length, kind]) => ({ name, start, length, kind: kind ?? 'A' }));
  const last = fields[fields.length - 1];
  return { type, fields, length: last ? last.start + last.length - 1 : 3 };
}

/** The 19-character prefix of every transaction and detail record (S-CWR22 §3.3). */
export const PREFIX: readonly FieldRow[] = [
  ['transactionSequence', 4, 8, 'N'],
  ['recordSequence', 12, 8, 'N'],
];
