import { finding, type CwrFinding } from './finding.js';
import type { RecordLayout } from './layout.js';

/** A parsed CWR record: its type, 1-based line number, the raw text and its fields (trimmed text, by layout name). */
export interface CwrRecord {
  readonly type: string;
  readonly line: number;
  readonly raw: string;
  readonly fields: Readonly<Record<string, string>>;
}

export type ParsedRecord =
  { readonly ok: true; readonly record: CwrRecord } | { readonly ok: false; readonly finding: CwrFinding };

const CONTROL = new Set(['HDR', 'GRH', 'GRT', 'TRL']);

/** A line that is not a usable record: the finding that says why (kept out of the per-line closure for speed). */
function refuse(
  line: number,
  type: string,
  code: 'CWR_RECORD_TOO_SHORT' | 'CWR_UNKNOWN_RECORD',
  severity: 'error' | 'warning',
  message: string,
): ParsedRecord {
  return { ok: false, finding: finding(line, type, '', code, severity, message) };
}

/**
 * Parses one line with the layouts of a version. Pure: knows no streams. Short lines read as if padded
 * with blanks (societies trim trailing blanks, standards.md §3.3); a line too short to hold its record
 * prefix, or of an unknown type, is a finding, not an exception.
 */
export function parseRecord(
  text: string,
  line: number,
  layouts: ReadonlyMap<string, RecordLayout>,
): ParsedRecord {
  let type = text.slice(0, 3);
  let layout = layouts.get(type);
  // Record types are upper case; lower case is read too, at the cost of a second look-up.
  if (layout === undefined) {
    type = type.toUpperCase();
    layout = layouts.get(type);
  }
  if (layout === undefined) {
    if (text.length < 3) {
      return refuse(
        line,
        type,
        'CWR_RECORD_TOO_SHORT',
        'error',
        `line ${line} has ${text.length} characters, too short for a record type`,
      );
    }
    return refuse(
      line,
      type,
      'CWR_UNKNOWN_RECORD',
      'warning',
      `line ${line}: record type "${type}" is not part of this CWR version; the line is ignored`,
    );
  }
  if (!CONTROL.has(type) && text.length < 19) {
    return refuse(
      line,
      type,
      'CWR_RECORD_TOO_SHORT',
      'error',
      `line ${line}: ${type} has ${text.length} characters, fewer than the 19 of the record prefix`,
    );
  }
  return { ok: true, record: { type, line, raw: text, fields: readerFor(layout)(text) } };
}

type FieldReader = (text: string) => Record<string, string>;
const readers = new WeakMap<RecordLayout, FieldReader>();

/**
 * A reader made once per layout. Fields are getters on a prototype shared by every record of the layout:
 * a field is cut from the line (and trimmed) only when it is read, so a record costs one small object,
 * where building every field eagerly was most of the parse time on large files.
 */
function readerFor(layout: RecordLayout): FieldReader {
  let reader = readers.get(layout);
  if (!reader) {
    const proto: object = {};
    for (const f of layout.fields) {
      const from = f.start - 1;
      const to = from + f.length;
      Object.defineProperty(proto, f.name, {
        enumerable: true,
        get(this: { $: string }) {
          return this.$.slice(from, to).trim();
        },
      });
    }
    reader = (text) => {
      const fields = Object.create(proto) as Record<string, string> & { $: string };
      fields.$ = text;
      return fields;
    };
    readers.set(layout, reader);
  }
  return reader;
}
