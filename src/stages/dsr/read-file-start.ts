import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/**
 * The first lines of a file (gunzipped when it is gzip), at most `maxBytes` of text: enough to find
 * HEAD without reading a 4 GB file. Stops early; a BOM is removed.
 */
export async function readFileStart(path: string, maxBytes = 256 * 1024): Promise<{ text: string; gzip: boolean }> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const chunks: Buffer[] = [];
  let size = 0;
  let source: AsyncIterable<Buffer> = raw;
  const first = await new Promise<Buffer | null>((resolve, reject) => {
    raw.once('readable', () => resolve((raw.read(2) as Buffer | null) ?? null));
    raw.once('error', reject);
    raw.once('end', () => resolve(null));
  });
  if (first === null) {
    raw.destroy();
    return { text: '', gzip: false };
  }
  raw.unshift(first);
  const gzip = isGzip(first);
  if (gzip) source = raw.pipe(createGunzip());
  try {
    for await (const chunk of source) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) break;
    }
  } catch {
    // A truncated or corrupt gzip stream: keep what was read; the bulk reader reports the rest.
  } finally {
    raw.destroy();
  }
  let text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, gzip };
}
