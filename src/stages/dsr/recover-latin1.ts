import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { listValue } from '@duckdb/node-api';
import type { Store } from '../../warehouse/index.js';

/** At most this many refused lines are re-read; beyond it the file is not "mostly UTF-8" and they stay quarantined. */
const MAX_RECOVERED = 10_000;

/**
 * Lines DuckDB refused as invalid UTF-8 (real "UTF-8" files carry Latin-1 titles, standards.md §6)
 * are read again from the file as Latin-1, which decodes every byte, and join `dsr_t_numbered` with
 * their line numbers instead of the quarantine. Runs only when such lines exist. `f`: the file's index
 * in the loaded batch. Returns their numbers.
 */
export async function recoverLatin1Lines(store: Store, path: string, f: number): Promise<number[]> {
  const refused = await store.all<{ line_no: bigint }>({
    text: `SELECT line_no FROM dsr_t_rejects WHERE f = $1::INTEGER AND (error ILIKE '%UNICODE%' OR error ILIKE '%ENCODING%') ORDER BY line_no`,
    values: [f],
  });
  if (refused.length === 0 || refused.length > MAX_RECOVERED) return [];
  const wanted = new Set(refused.map((r) => Number(r.line_no)));
  const last = Number(refused[refused.length - 1]?.line_no ?? 0n);
  const raw = createReadStream(path);
  const gzip = path.toLowerCase().endsWith('.gz');
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  input.setEncoding('latin1');
  const found: { lineNo: number; text: string }[] = [];
  let n = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (wanted.has(n)) found.push({ lineNo: n, text: line.replace(/\r$/, '') });
      if (n >= last) break;
    }
  } finally {
    raw.destroy();
  }
  if (found.length === 0) return [];
  const numbers = found.map((f) => f.lineNo);
  await store.run({
    text: `INSERT INTO dsr_t_numbered SELECT $3::INTEGER, n, upper(trim(CASE WHEN contains(t, chr(9)) THEN t[1:strpos(t, chr(9)) - 1] ELSE t END)), t
      FROM (SELECT unnest($1::BIGINT[]) AS n, unnest($2::VARCHAR[]) AS t)`,
    values: [listValue(numbers.map(BigInt)), listValue(found.map((x) => x.text)), f],
  });
  await store.run({ text: 'DELETE FROM dsr_t_rejects WHERE f = $2::INTEGER AND list_contains($1::BIGINT[], line_no)', values: [listValue(numbers.map(BigInt)), f] });
  return numbers;
}
