import { fallbackCharset, latin1ToCp850, type FallbackCharset } from './charset.js';
import { readLines, type DecodedLine } from './decode-lines.js';
import { finding, type CwrFinding } from './finding.js';
import { detectVersion, layoutsFor, parseHeader, type CwrHeader } from './header.js';
import type { CwrVersion, RecordLayout } from './layout.js';
import type { V3Shape } from './layouts-v3.js';
import { parseRecord, type CwrRecord } from './parse-record.js';
import { defaultShape, layoutsForRecord, territoryIpLength, TERRITORY_RECORDS } from './shape-v3.js';

/** A line that could not be read as a record, kept whole for quarantine. */
export interface CwrUnreadableLine {
  readonly line: number;
  readonly raw: string;
  readonly finding: CwrFinding;
}

/**
 * One transaction as it appears in the file: its header record (NWR, REV, ISW, EXC, AGR, ACK, WRK...)
 * and every record up to the next transaction header, with records nested by the numbering rules
 * (an NWR echoed in an ACK, an EXC after an NWR). `unreadable` lines inside it are attached here.
 */
export interface CwrTransaction {
  readonly type: string;
  readonly line: number;
  readonly sequence: number;
  readonly groupType: string;
  readonly groupId: number;
  readonly records: readonly CwrRecord[];
  readonly unreadable: readonly CwrUnreadableLine[];
}

/** What the reader yields, in file order. */
export type CwrItem =
  | { readonly kind: 'header'; readonly header: CwrHeader; readonly record: CwrRecord }
  | { readonly kind: 'group'; readonly record: CwrRecord }
  | { readonly kind: 'transaction'; readonly transaction: CwrTransaction }
  | { readonly kind: 'group-trailer'; readonly record: CwrRecord }
  | { readonly kind: 'trailer'; readonly record: CwrRecord }
  /** A line outside any transaction that could not be used; or a file-level warning (no raw). */
  | { readonly kind: 'unreadable'; readonly line: CwrUnreadableLine }
  | { readonly kind: 'notice'; readonly finding: CwrFinding }
  /** The file cannot be understood (no HDR, unknown version): nothing follows. */
  | { readonly kind: 'rejected'; readonly finding: CwrFinding };

export interface ReadCwrOptions {
  /** The file name, used as a version hint (`.V21`, `.V22`). */
  readonly fileName?: string;
}

const TRANSACTION_TYPES = new Set([
  'NWR',
  'REV',
  'ISW',
  'EXC',
  'AGR',
  'ACK',
  'WRK',
  'DRW',
  'ISR',
  'ISA',
  'LIC',
]);
const WORK_TYPES = new Set(['NWR', 'REV', 'ISW', 'EXC', 'WRK', 'AGR']);

/** The header item of a file, its HDR line read in the file's fallback code page when it is not UTF-8. */
function headerItems(
  hdr: DecodedLine,
  version: CwrVersion,
  layouts: ReadonlyMap<string, RecordLayout>,
  fallback: FallbackCharset,
): CwrItem[] {
  const text = hdr.latin1 && fallback === 'cp850' ? latin1ToCp850(hdr.text) : hdr.text;
  const record = parseRecord(text, hdr.line, layouts);
  return record.ok ? [{ kind: 'header', header: parseHeader(text, version), record: record.record }] : [];
}

/**
 * Whether a line carries nothing: empty, blanks, or control characters only (a DOS end-of-file mark
 * 0x1A, NULs). Looks at characters until the first printable one, so a record costs one comparison.
 */
/** The whole file refused: its HDR (at `line`) names no CWR version this reader knows. */
function unknownVersion(line: number, reason: string): CwrItem {
  return {
    kind: 'rejected',
    finding: finding(line, 'HDR', 'version', 'CWR_UNKNOWN_VERSION', 'error', reason),
  };
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return false;
  return true;
}

interface OpenTransaction {
  type: string;
  line: number;
  sequence: number;
  groupType: string;
  groupId: number;
  records: CwrRecord[];
  unreadable: CwrUnreadableLine[];
}

/**
 * Reads a CWR file (2.1, 2.2, 3.0, 3.1) from a byte stream and yields batches of items in file order:
 * the header, groups, transactions with their records and line numbers, trailers, and findings for lines
 * that cannot be read. Memory holds one chunk and one transaction.
 */
export async function* readCwr(
  source: AsyncIterable<Uint8Array>,
  options: ReadCwrOptions = {},
): AsyncGenerator<CwrItem[]> {
  let layouts: ReadonlyMap<string, RecordLayout> | undefined;
  let version: CwrVersion | undefined;
  let pendingHdr: DecodedLine | undefined;
  let open: OpenTransaction | undefined;
  let groupType = '';
  let groupId = 0;
  let latin1Reported = false;
  let fallback: FallbackCharset = 'cp850';
  // 3.x only: how this file writes its records (IP # width decided by the first territory record).
  let shape: V3Shape | undefined;
  let widthKnown = false;

  const close = (out: CwrItem[]) => {
    if (open) out.push({ kind: 'transaction', transaction: open });
    open = undefined;
  };

  const handle = (decoded: DecodedLine, out: CwrItem[]) => {
    const { line } = decoded;
    // A line that is not UTF-8 was decoded byte for byte; re-read it in the file's fallback code page.
    const text = decoded.latin1 && fallback === 'cp850' ? latin1ToCp850(decoded.text) : decoded.text;
    // Blank lines, and a DOS end-of-file mark (0x1A) or NULs at the end, carry nothing.
    if (isBlank(text)) return;
    if (decoded.latin1 && !latin1Reported) {
      latin1Reported = true;
      out.push({
        kind: 'notice',
        finding: finding(
          line,
          text.slice(0, 3),
          '',
          'CWR_ENCODING',
          'warning',
          `line ${line} is not valid UTF-8; read as ${fallback === 'cp850' ? 'code page 850' : 'Latin-1'} (and every such line after it)`,
        ),
      });
    }
    let recordLayouts = layouts!;
    if (shape !== undefined) {
      const type = text.slice(0, 3);
      if (!widthKnown && TERRITORY_RECORDS.has(type)) {
        const width = territoryIpLength(text);
        if (width !== undefined) {
          widthKnown = true;
          if (width !== shape.ipLength) {
            const s = { ...shape, ipLength: width };
            shape = s;
            // The records already read in this transaction were placed with the other width: read them again.
            if (open)
              open.records = open.records.map((r) => {
                const again = parseRecord(r.raw, r.line, layoutsForRecord(r.type, r.raw, s));
                return again.ok ? again.record : r;
              });
          }
        }
      }
      recordLayouts = layoutsForRecord(type, text, shape);
    }
    const parsed = parseRecord(text, line, recordLayouts);
    if (!parsed.ok) {
      const bad = { line, raw: text, finding: parsed.finding };
      if (open) open.unreadable.push(bad);
      // Outside a transaction nothing is rejected with the line: it is reported as a warning.
      else
        out.push({ kind: 'unreadable', line: { ...bad, finding: { ...bad.finding, severity: 'warning' } } });
      return;
    }
    const record = parsed.record;
    switch (record.type) {
      case 'HDR':
        out.push({
          kind: 'notice',
          finding: finding(
            line,
            'HDR',
            '',
            'CWR_RECORD_ORDER',
            'warning',
            `line ${line}: a second HDR is ignored`,
          ),
        });
        return;
      case 'GRH':
        close(out);
        groupType = record.fields['transactionType'] ?? '';
        groupId = Number(record.fields['groupId'] ?? '0') || 0;
        out.push({ kind: 'group', record });
        return;
      case 'GRT':
        close(out);
        out.push({ kind: 'group-trailer', record });
        return;
      case 'TRL':
        close(out);
        out.push({ kind: 'trailer', record });
        return;
    }
    const sequence = Number(record.fields['transactionSequence']);
    if (TRANSACTION_TYPES.has(record.type)) {
      const nested =
        open !== undefined &&
        ((open.type === 'ACK' && WORK_TYPES.has(record.type)) ||
          (record.type === 'EXC' && sequence === open.sequence));
      if (!nested) {
        close(out);
        open = { type: record.type, line, sequence, groupType, groupId, records: [], unreadable: [] };
      }
    }
    if (open) open.records.push(record);
    else {
      const f = finding(
        line,
        record.type,
        '',
        'CWR_RECORD_ORDER',
        'warning',
        `line ${line}: ${record.type} is outside any transaction; it is ignored`,
      );
      out.push({ kind: 'unreadable', line: { line, raw: text, finding: f } });
    }
  };

  for await (const batch of readLines(source)) {
    const out: CwrItem[] = [];
    for (const decoded of batch) {
      if (layouts === undefined) {
        if (isBlank(decoded.text)) continue;
        if (pendingHdr === undefined) {
          if (decoded.text.slice(0, 3).toUpperCase() !== 'HDR') {
            yield [
              {
                kind: 'rejected',
                finding: finding(
                  decoded.line,
                  decoded.text.slice(0, 3),
                  '',
                  'CWR_NO_HDR',
                  'error',
                  `line ${decoded.line}: the first record is "${decoded.text.slice(0, 3)}", not HDR; this is not a CWR file`,
                ),
              },
            ];
            return;
          }
          pendingHdr = decoded;
          continue;
        }
        // The GRH after the HDR helps to tell 2.1 from 2.2 when the HDR is trimmed.
        const detected = detectVersion(
          pendingHdr.text,
          decoded.text.startsWith('GRH') ? decoded.text : undefined,
          options.fileName,
        );
        if ('reason' in detected) {
          yield [unknownVersion(pendingHdr.line, detected.reason)];
          return;
        }
        version = detected.version;
        layouts = layoutsFor(version);
        if (version === '3.0' || version === '3.1') shape = defaultShape(version);
        fallback = fallbackCharset(parseHeader(pendingHdr.text, version).characterSet, version);
        out.push(...headerItems(pendingHdr, version, layouts, fallback));
      }
      handle(decoded, out);
    }
    if (out.length > 0) yield out;
  }
  const out: CwrItem[] = [];
  if (layouts === undefined) {
    if (pendingHdr === undefined) {
      yield [
        { kind: 'rejected', finding: finding(0, '', '', 'CWR_EMPTY_FILE', 'error', 'the file is empty') },
      ];
      return;
    }
    const detected = detectVersion(pendingHdr.text, undefined, options.fileName);
    if ('reason' in detected) {
      yield [unknownVersion(pendingHdr.line, detected.reason)];
      return;
    }
    layouts = layoutsFor(detected.version);
    const charset = parseHeader(pendingHdr.text, detected.version).characterSet;
    out.push(
      ...headerItems(pendingHdr, detected.version, layouts, fallbackCharset(charset, detected.version)),
    );
  }
  close(out);
  if (out.length > 0) yield out;
}
