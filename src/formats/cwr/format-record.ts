import { TuttiError } from '../../domain/index.js';
import type { RecordLayout } from './layout.js';

/** A value for a field: text, a number (written right-justified, zero-filled) or nothing (blanks, zeros for `N`). */
export type FieldValue = string | number | undefined;

/**
 * Formats one record from its layout and field values, the inverse of `parseRecord`: `A` fields are
 * left-justified and blank-filled, `N` fields right-justified and zero-filled; values longer than the
 * field are cut (text at the right). The record type is the layout's.
 */
export function formatRecord(layout: RecordLayout, values: Readonly<Record<string, FieldValue>>): string {
  let out = layout.type;
  for (const f of layout.fields) {
    const at = f.start - 1;
    if (out.length < at) out += ' '.repeat(at - out.length);
    const v = values[f.name];
    let text: string;
    if (f.kind === 'N') {
      const s = v === undefined || v === '' ? '' : String(v);
      if (s.length > f.length)
        throw new TuttiError(
          'INTERNAL',
          `${layout.type} ${f.name} value "${s}" is longer than ${f.length} digits`,
        );
      text = s.padStart(f.length, '0');
    } else {
      const s = v === undefined ? '' : String(v);
      text = s.length > f.length ? s.slice(0, f.length) : s.padEnd(f.length, ' ');
    }
    out += text;
  }
  return out;
}
