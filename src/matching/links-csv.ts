import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { checkIsrc, checkIswc, TuttiError } from '../domain/index.js';
import { quoteLiteral, sql, type Store } from '../warehouse/index.js';
import { appendRows, type AppendRow } from './append-rows.js';
import { recordLinks } from './link-registry.js';

/** The exchange format's columns, in order (CSV with a header row, comma-separated, UTF-8). */
export const LINK_CSV_COLUMNS = [
  'isrc',
  'iswc',
  'work_id',
  'source',
  'source_ref',
  'confidence',
  'first_seen',
  'last_seen',
  'conflict',
] as const;

/**
 * Writes the link registry as CSV for partner societies; conflicting links are included and flagged.
 * Returns the number of links written.
 */
export async function exportLinks(
  store: Store,
  path: string,
  filter: { conflictsOnly?: boolean } = {},
): Promise<number> {
  const where = filter.conflictsOnly === true ? 'WHERE l.conflict' : '';
  const select = `SELECT l.isrc, coalesce(l.iswc, w.iswc) AS iswc, l.work_id, l.source, l.source_ref, l.confidence,
      strftime(l.first_seen, '%Y-%m-%dT%H:%M:%S') AS first_seen, strftime(l.last_seen, '%Y-%m-%dT%H:%M:%S') AS last_seen, l.conflict
    FROM isrc_work_links l LEFT JOIN works w USING (work_id) ${where}
    ORDER BY l.isrc, l.work_id NULLS LAST, l.iswc, l.source, l.source_ref`;
  await store.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT csv, HEADER true, DELIMITER ',')`);
  const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM isrc_work_links l ${where}`);
  return Number(row?.n ?? 0n);
}

export interface ImportLinksInput {
  readonly path: string;
  /** The partner the file comes from (source_ref of the links). */
  readonly partner: string;
  readonly runId: string;
  readonly now: Date;
}

export interface ImportLinksOutput {
  readonly fileId: string;
  readonly rows: number;
  readonly added: number;
  readonly rejected: number;
}

/**
 * Imports partner links (the export's CSV columns; only `isrc` and one of `iswc`/`work_id` are needed).
 * Links are added as source 'partner' with the partner's name; a link to another work than a known
 * one is kept and both are flagged as conflicts. Rows with an invalid ISRC or ISWC are quarantined
 * with their line number, the rest is imported. A file without an `isrc` column is refused whole.
 */
export async function importLinks(store: Store, input: ImportLinksInput): Promise<ImportLinksOutput> {
  const bytes = readFileSync(input.path);
  const fileId = createHash('sha256').update(bytes).digest('hex');
  await store.run(`CREATE OR REPLACE TEMP TABLE li_raw AS
    SELECT CAST(row_number() OVER () + 1 AS BIGINT) AS line_no, * FROM read_csv(${quoteLiteral(input.path)}, header = true, all_varchar = true, delim = ',')`);
  const columns = new Set(
    (await store.all<{ column_name: string }>('SELECT column_name FROM (DESCRIBE li_raw)')).map(
      (c) => c.column_name,
    ),
  );
  if (!columns.has('isrc') || (!columns.has('iswc') && !columns.has('work_id'))) {
    throw new TuttiError(
      'INPUT_REJECTED',
      `${input.path} is not a links file: it needs an isrc column and an iswc or work_id column`,
      {
        file: input.path,
      },
    );
  }
  const col = (name: string) => (columns.has(name) ? name : 'NULL');
  const rows = await store.all<{
    line_no: bigint;
    isrc: string | null;
    iswc: string | null;
    work_id: string | null;
    confidence: string | null;
    raw: string;
  }>(
    `SELECT line_no, isrc, ${col('iswc')} AS iswc, ${col('work_id')} AS work_id, ${col('confidence')} AS confidence,
       concat_ws(',', isrc, ${col('iswc')}, ${col('work_id')}) AS raw FROM li_raw ORDER BY line_no`,
  );
  await store.run(
    'CREATE OR REPLACE TEMP TABLE li_ok (isrc VARCHAR, work_id VARCHAR, iswc VARCHAR, confidence INTEGER)',
  );
  let rejected = 0;
  const ok: AppendRow[] = [];
  for (const r of rows) {
    const isrc = checkIsrc(r.isrc ?? '');
    const iswc = r.iswc === null || r.iswc.trim() === '' ? null : checkIswc(r.iswc);
    const workId = r.work_id === null || r.work_id.trim() === '' ? null : r.work_id.trim();
    const reason = !isrc.ok
      ? `ISRC: ${isrc.reason}`
      : iswc !== null && !iswc.ok
        ? `ISWC: ${iswc.reason}`
        : iswc === null && workId === null
          ? 'neither ISWC nor work id'
          : null;
    if (reason !== null || !isrc.ok) {
      rejected++;
      await store.run(
        sql`INSERT INTO quarantine VALUES (${fileId}, ${input.path}, ${r.line_no}, 'link', 'INVALID_IDENTIFIER', ${reason ?? ''}, ${r.raw}, ${input.runId})`,
      );
      continue;
    }
    const confidence = Math.min(100, Math.max(0, Number.parseInt(r.confidence ?? '', 10) || 80));
    ok.push([isrc.value, workId, iswc?.ok ? iswc.value : null, confidence]);
  }
  await appendRows(store, 'li_ok', ok, true);
  // A work id from a partner is only kept when it is one of ours; otherwise the ISWC speaks for it.
  const added = await recordLinks(
    store,
    `SELECT o.isrc, w.work_id, o.iswc, 'partner' AS source, ${quoteLiteral(input.partner)} AS source_ref, o.confidence
     FROM li_ok o LEFT JOIN works w ON w.work_id = o.work_id`,
    input.now,
  );
  await store.run(sql`INSERT INTO input_files VALUES (${fileId}, 'links', ${input.path}, ${statSync(input.path).size}, 'ingested',
    ${input.runId}, NULL, ${input.now.toISOString()}::TIMESTAMP) ON CONFLICT DO NOTHING`);
  await store.run('DROP TABLE IF EXISTS li_raw');
  await store.run('DROP TABLE IF EXISTS li_ok');
  return { fileId, rows: rows.length, added, rejected };
}
