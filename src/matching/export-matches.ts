import { quoteLiteral, sql, type Store } from '../warehouse/index.js';

/** The columns of `tutti matches export`, in order. */
export const MATCH_CSV_COLUMNS = [
  'report_id',
  'dsp_resource_id',
  'isrc',
  'title',
  'artists',
  'work_id',
  'iswc',
  'method',
  'score',
  'status',
] as const;

/**
 * Writes one CSV row per identified or unidentified resource of each report (a resource used in
 * several blocks of a report is one row), with the work's preferred ISWC. Returns the rows written.
 */
export async function exportMatches(
  store: Store,
  path: string,
  filter: { reportId?: string } = {},
): Promise<number> {
  await store.run(sql`CREATE OR REPLACE TEMP TABLE me_rows AS
    SELECT DISTINCT m.report_id, m.dsp_resource_id, m.isrc, m.title, m.artists, m.work_id, w.iswc, m.method, m.score, m.status
    FROM matches m LEFT JOIN works w USING (work_id)
    WHERE ${filter.reportId ?? null}::VARCHAR IS NULL OR m.report_id = ${filter.reportId ?? null}`);
  await store.run(`COPY (SELECT ${MATCH_CSV_COLUMNS.join(', ')} FROM me_rows
    ORDER BY report_id, dsp_resource_id NULLS LAST, isrc NULLS LAST, title NULLS LAST, work_id NULLS LAST)
    TO ${quoteLiteral(path)} (FORMAT csv, HEADER true, DELIMITER ',')`);
  const row = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM me_rows');
  await store.run('DROP TABLE IF EXISTS me_rows');
  return Number(row?.n ?? 0n);
}
