import type { Store } from '../warehouse/index.js';

/** Where a link comes from (isrc_work_links.source). */
export type LinkSource = 'cwr' | 'report' | 'decision' | 'partner';

/**
 * Records ISRC–work links given by a query with columns (isrc, work_id, iswc, source, source_ref,
 * confidence). A link already known from the same source is only seen again (last_seen moves);
 * a new one is added; nothing is overwritten. Conflicts are then flagged. Returns the links added.
 */
export async function recordLinks(store: Store, selectSql: string, now: Date): Promise<number> {
  const at = now.toISOString();
  await store.run(`CREATE OR REPLACE TEMP TABLE lr_new AS SELECT DISTINCT upper(isrc) AS isrc, work_id, iswc, source, source_ref,
    CAST(confidence AS INTEGER) AS confidence FROM (${selectSql}) WHERE isrc IS NOT NULL AND (work_id IS NOT NULL OR iswc IS NOT NULL)`);
  // Equality on coalesced keys (not IS NOT DISTINCT FROM) so that DuckDB hash-joins.
  const same = `l.isrc = n.isrc AND l.source = n.source AND coalesce(l.source_ref, '') = coalesce(n.source_ref, '')
    AND coalesce(l.work_id, '') = coalesce(n.work_id, '') AND coalesce(l.iswc, '') = coalesce(n.iswc, '')`;
  await store.run({
    text: `UPDATE isrc_work_links AS l SET last_seen = greatest(l.last_seen, $1::TIMESTAMP) FROM lr_new AS n WHERE ${same}`,
    values: [at],
  });
  const before = Number(
    (await store.one<{ n: bigint }>('SELECT count(*) AS n FROM isrc_work_links'))?.n ?? 0n,
  );
  await store.run({
    text: `INSERT INTO isrc_work_links (isrc, work_id, iswc, source, source_ref, confidence, first_seen, last_seen, conflict)
      SELECT n.isrc, n.work_id, n.iswc, n.source, n.source_ref, n.confidence, $1::TIMESTAMP, $1::TIMESTAMP, false
      FROM lr_new n ANTI JOIN isrc_work_links l ON ${same}`,
    values: [at],
  });
  const after = Number(
    (await store.one<{ n: bigint }>('SELECT count(*) AS n FROM isrc_work_links'))?.n ?? 0n,
  );
  // Only the ISRCs given here can have gained a conflict.
  await flagLinkConflicts(store, 'SELECT isrc FROM lr_new');
  await store.run('DROP TABLE IF EXISTS lr_new');
  return after - before;
}

/**
 * Flags every link of an ISRC that the registry ties to more than one work (a link known only by
 * its ISWC counts as the work holding that ISWC). Flags are only ever set, never cleared here.
 * `isrcsSql` (a query with an `isrc` column) limits the check to those ISRCs; by default all are checked.
 */
export async function flagLinkConflicts(store: Store, isrcsSql?: string): Promise<number> {
  const links =
    isrcsSql === undefined
      ? 'isrc_work_links'
      : `(SELECT * FROM isrc_work_links WHERE upper(isrc) IN (SELECT isrc FROM (${isrcsSql})))`;
  // The join key is a CASE so that DuckDB hash-joins (a left-side-only condition in ON makes a nested loop).
  // Only the ISWCs of links without a work are resolved (a semi join each, not a union of every work).
  await store.run(`CREATE OR REPLACE TEMP TABLE lr_conflicts AS
    WITH l AS (SELECT * FROM ${links}),
    open AS (SELECT DISTINCT iswc FROM l WHERE work_id IS NULL AND iswc IS NOT NULL),
    ids AS (SELECT work_id, iswc FROM work_iswcs SEMI JOIN open USING (iswc) UNION SELECT work_id, iswc FROM works SEMI JOIN open USING (iswc))
    SELECT isrc FROM (
      SELECT l.isrc, coalesce(l.work_id, ids.work_id, 'iswc:' || l.iswc) AS ident
      FROM l LEFT JOIN ids ON ids.iswc = CASE WHEN l.work_id IS NULL THEN l.iswc END)
    GROUP BY isrc HAVING count(DISTINCT ident) > 1`);
  const row = await store.one<{ n: bigint }>(
    'SELECT count(*) AS n FROM isrc_work_links WHERE NOT conflict AND isrc IN (SELECT isrc FROM lr_conflicts)',
  );
  await store.run(
    'UPDATE isrc_work_links SET conflict = true WHERE NOT conflict AND isrc IN (SELECT isrc FROM lr_conflicts)',
  );
  await store.run('DROP TABLE IF EXISTS lr_conflicts');
  return Number(row?.n ?? 0n);
}
