import { sql, type Store } from '../warehouse/index.js';
import { appendRows, streamRows, type AppendRow } from './append-rows.js';
import { nameKeys, surnameKey } from './normalise-name.js';
import { normaliseTitle, numberKey } from './normalise-title.js';

// What the index is computed from: one row per work × kind × raw text.
const SOURCE_SQL = `
  SELECT work_id, 'title' AS kind, title AS raw FROM works WHERE title IS NOT NULL AND trim(title) <> ''
  UNION SELECT work_id, 'title', title FROM work_titles WHERE title IS NOT NULL AND trim(title) <> ''
  UNION SELECT work_id, 'title', title FROM recordings WHERE title IS NOT NULL AND trim(title) <> ''
  UNION SELECT work_id, 'performer', name FROM work_performers WHERE name IS NOT NULL AND trim(name) <> ''
  UNION SELECT work_id, 'performer', display_artist FROM recordings WHERE display_artist IS NOT NULL AND trim(display_artist) <> ''
  UNION SELECT ws.work_id, 'writer', p.name FROM work_shares ws JOIN parties p USING (party_id)
    WHERE (p.kind = 'writer' OR ws.role IN ('CA','C','A','AR','AD','SR','SA','TR')) AND p.name IS NOT NULL AND trim(p.name) <> ''`;

const FINGERPRINT_SQL = `SELECT concat_ws(':',
  (SELECT count(*) || '/' || coalesce(sum(hash(work_id, title)::HUGEINT), 0) FROM works),
  (SELECT count(*) || '/' || coalesce(sum(hash(work_id, title)::HUGEINT), 0) FROM work_titles),
  (SELECT count(*) || '/' || coalesce(sum(hash(work_id, name)::HUGEINT), 0) FROM work_performers),
  (SELECT count(*) || '/' || coalesce(sum(hash(work_id, display_artist, title)::HUGEINT), 0) FROM recordings),
  (SELECT count(*) || '/' || coalesce(sum(hash(work_id, party_id, role)::HUGEINT), 0) FROM work_shares),
  (SELECT count(*) || '/' || coalesce(sum(hash(party_id, kind, name)::HUGEINT), 0) FROM parties)) AS fp`;

const INDEXED_SQL = `
  SELECT work_id, 'title' AS kind, raw_title AS raw FROM match_work_titles
  UNION SELECT work_id, kind, raw FROM match_work_people`;

// How many works carry each blocking key (migration 033): rebuilt whole when the index changed, a
// grouped scan of each table (about a second on a million works), so that identify only looks them up.
const KEY_COUNTS: readonly (readonly [string, string])[] = [
  [
    'match_title_key_df',
    'SELECT title_key, count(DISTINCT work_id) FROM match_work_titles GROUP BY title_key',
  ],
  ['match_token_df', 'SELECT token, count(*) FROM match_title_tokens GROUP BY token'],
  [
    'match_people_df',
    'SELECT kind, name_key, count(DISTINCT work_id) FROM match_work_people GROUP BY kind, name_key',
  ],
];

async function rebuildKeyCounts(store: Store): Promise<void> {
  for (const [table, query] of KEY_COUNTS) {
    await store.run(`DELETE FROM ${table}`);
    await store.run(`INSERT INTO ${table} ${query}`);
  }
}

/**
 * Brings the match index (match_work_titles, match_title_tokens, match_work_people and their key
 * counts) up to date with
 * the repertoire: works whose titles or people changed are re-keyed, removed works are dropped.
 * Returns how many works were (re)keyed. Idempotent: a second call with no change re-keys nothing.
 */
export async function refreshMatchIndex(store: Store): Promise<{ works: number }> {
  // A fingerprint of every source table (one aggregate scan each) spares the full diff when nothing changed.
  const print = await store.one<{ fp: string }>(FINGERPRINT_SQL);
  const last = await store.one<{ fingerprint: string }>('SELECT fingerprint FROM match_index_state');
  if (print !== undefined && last?.fingerprint === print.fp) return { works: 0 };
  await store.run(`CREATE OR REPLACE TEMP TABLE mi_source AS ${SOURCE_SQL}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE mi_affected AS
    SELECT DISTINCT work_id FROM (
      (SELECT * FROM mi_source EXCEPT SELECT * FROM (${INDEXED_SQL}))
      UNION ALL (SELECT * FROM (${INDEXED_SQL}) EXCEPT SELECT * FROM mi_source))`);
  const count = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM mi_affected'))?.n ?? 0n);
  if (count > 0) {
    for (const table of ['match_work_titles', 'match_title_tokens', 'match_work_people']) {
      await store.run(`DELETE FROM ${table} WHERE work_id IN (SELECT work_id FROM mi_affected)`);
    }
    const titles: AppendRow[] = [];
    const people: AppendRow[] = [];
    const rows = streamRows(
      store,
      'SELECT s.work_id, s.kind, s.raw FROM mi_source s SEMI JOIN mi_affected a ON a.work_id = s.work_id',
    );
    for await (const chunk of rows) {
      for (const [workId, kind, raw] of chunk as [string, string, string][]) {
        if (kind === 'title') {
          const t = normaliseTitle(raw);
          titles.push([workId, raw, t.key, numberKey(t.key)]);
          if (t.fullKey !== t.key) titles.push([workId, raw, t.fullKey, numberKey(t.fullKey)]);
        } else if (kind === 'performer') {
          const keys = nameKeys(raw);
          // An empty key still records that the raw text was seen, so it is not re-keyed every run.
          for (const key of keys.length > 0 ? keys : ['']) people.push([workId, kind, raw, key]);
        } else {
          people.push([workId, kind, raw, surnameKey(raw)]);
        }
      }
    }
    await appendRows(store, 'match_work_titles', titles);
    await appendRows(store, 'match_work_people', people);
    await store.run(`INSERT INTO match_title_tokens
      SELECT DISTINCT unnest(string_split(replace(title_key, ' / ', ' '), ' ')) AS token, work_id
      FROM match_work_titles SEMI JOIN mi_affected USING (work_id)`);
    await rebuildKeyCounts(store);
  }
  await store.run('DELETE FROM match_index_state');
  await store.run(sql`INSERT INTO match_index_state VALUES (${print?.fp ?? ''})`);
  await store.run('DROP TABLE IF EXISTS mi_source');
  await store.run('DROP TABLE IF EXISTS mi_affected');
  return { works: count };
}
