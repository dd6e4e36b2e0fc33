import { isAscii, isUtf8 } from 'node:buffer';

/**
 * One decoded line: text without terminator, 1-based number, and whether UTF-8 failed and the bytes
 * were read one per character (Latin-1). `readCwr` re-reads such lines in the file's fallback code page
 * (cp850 for blank/ASCII 2.x character sets, see `charset.ts`), which it knows only after the HDR.
 */
export interface DecodedLine {
  readonly text: string;
  readonly line: number;
  readonly latin1: boolean;
}

/** Longest line accepted before it is cut (the longest CWR record is 700 characters). */
export const MAX_LINE_BYTES = 1 << 20;

const LF = 0x0a;
const CR = 0x0d;

function decode(bytes: Buffer, line: number): DecodedLine {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  const body = bytes.subarray(0, Math.min(end, MAX_LINE_BYTES));
  // standards.md §3.3: files announced as UTF-8 carry cp850/Latin-1 bytes; decode those lines as Latin-1.
  if (isUtf8(body)) return { text: body.toString('utf8'), line, latin1: false };
  return { text: body.toString('latin1'), line, latin1: true };
}

/**
 * Splits a byte stream into decoded lines, in batches (one per chunk): LF or CRLF terminators,
 * a UTF-8 BOM stripped, UTF-8 with a per-line Latin-1 fallback. Memory holds one chunk and one partial line.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<DecodedLine[]> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  let first = true;
  for await (const chunk of source) {
    let data =
      rest.length > 0
        ? Buffer.concat([rest, chunk])
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first && data.length >= 3) {
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      first = false;
    }
    const last = data.lastIndexOf(LF);
    if (last < 0) {
      rest = data.length > MAX_LINE_BYTES * 2 ? data.subarray(0, MAX_LINE_BYTES) : Buffer.from(data);
      continue;
    }
    const complete = data.subarray(0, last);
    rest = Buffer.from(data.subarray(last + 1));
    const batch: DecodedLine[] = [];
    if (isAscii(complete)) {
      // Fast path: pure ASCII chunk, decode once and split the string.
      const parts = complete.toString('latin1').split('\n');
      for (const part of parts) {
        line++;
        batch.push({ text: part.endsWith('\r') ? part.slice(0, -1) : part, line, latin1: false });
      }
    } else {
      let start = 0;
      while (start <= complete.length) {
        let end = complete.indexOf(LF, start);
        if (end < 0) end = complete.length;
        batch.push(decode(complete.subarray(start, end), ++line));
        start = end + 1;
      }
    }
    yield batch;
  }
  if (rest.length > 0) {
    if (first && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) rest = rest.subarray(3);
    yield [decode(rest, ++line)];
  }
}
