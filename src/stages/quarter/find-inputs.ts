import { open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The input files of a quarter, by kind, each list sorted by path (a deterministic order). */
export interface QuarterInputs {
  readonly cwr: readonly string[];
  readonly dsr: readonly string[];
  readonly mandates: readonly string[];
  /** Files that are none of these, left alone and listed in the summary. */
  readonly other: readonly string[];
}

async function firstBytes(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('latin1')
      .replace(/^\u00ef\u00bb\u00bf/, '');
  } finally {
    await handle.close();
  }
}

/**
 * Classifies every file under `dir` (recursively): CWR by name (`CW….V21/.V22/.SUB`) or by an `HDR`
 * first record; DSR by name (`DSR_…`, `.tsv`, `.tsv.gz`) or a `HEAD` first record; mandates by the name
 * `mandates.json`. Hidden files are skipped.
 */
export async function findQuarterInputs(dir: string): Promise<QuarterInputs> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const cwr: string[] = [];
  const dsr: string[] = [];
  const mandates: string[] = [];
  const other: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    const name = basename(path);
    if (name === 'mandates.json') mandates.push(path);
    else if (/^CW.*\.(V2\d|SUB)$/i.test(name)) cwr.push(path);
    else if (/^DSR_/i.test(name) || /\.tsv(\.gz)?$/i.test(name)) dsr.push(path);
    else {
      const head = await firstBytes(path);
      if (head.startsWith('HDR')) cwr.push(path);
      else if (head.startsWith('HEAD\t')) dsr.push(path);
      else other.push(path);
    }
  }
  const sorted = (list: string[]) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { cwr: sorted(cwr), dsr: sorted(dsr), mandates: sorted(mandates), other: sorted(other) };
}
