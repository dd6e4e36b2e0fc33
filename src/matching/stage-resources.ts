import type { Store } from '../warehouse/index.js';
import { insertTextLines, TEXT_FIELD_SEPARATOR, textField } from './append-rows.js';
import { nameKeys, writerWords } from './normalise-name.js';
import { normaliseTitle, numberKey } from './normalise-title.js';
import {
  numberKeySql,
  plainNameKeySql,
  plainNameSql,
  plainTitleSql,
  plainWriterWordsSql,
  plainWritersSql,
} from './plain-keys-sql.js';

/**
 * Stages the resources of the reports listed in TEMP `id_reports` for one identify run:
 * - `id_rows`: every report_resources row with its `resource_key` (what makes a resource distinct:
 *   service resource id, ISRC and metadata) and `memory_key` (what a human decision is remembered by);
 * - `id_res`: one row per distinct resource (`res_id`), normalised identifiers;
 * - `id_res_keys`, `id_res_k`, `id_res_artists`, `id_res_words`, `id_res_ipis`: matching keys, computed
 *   by the one normalisation module and inserted a page at a time as one text parameter.
 * Returns the number of distinct resources.
 */
export async function stageResources(store: Store): Promise<number> {
  await store.run(`CREATE OR REPLACE TEMP TABLE id_rows AS
    SELECT rr.report_id, rr.block_id, rr.resource_ref, rr.dsp_resource_id, rr.isrc AS isrc_raw, rr.title, rr.subtitle,
      rr.display_artist, rr.duration_s, rr.work_title, rr.writers, rr.writer_ids,
      nullif(upper(regexp_replace(coalesce(rr.isrc, ''), '[^A-Za-z0-9]', '', 'g')), '') AS isrc,
      nullif(upper(regexp_replace(coalesce(rr.iswc, ''), '[^A-Za-z0-9]', '', 'g')), '') AS iswc,
      nullif(regexp_replace(coalesce(rr.proprietary_work_id, ''), '^.*::', ''), '') AS work_ref,
      md5(concat_ws(chr(31), r.sender, coalesce(rr.dsp_resource_id, ''), coalesce(rr.isrc, ''), coalesce(rr.title, ''),
        coalesce(rr.subtitle, ''), coalesce(rr.display_artist, ''), coalesce(CAST(rr.duration_s AS VARCHAR), ''),
        coalesce(rr.iswc, ''), coalesce(rr.proprietary_work_id, ''), coalesce(rr.work_title, ''),
        coalesce(rr.writers, ''), coalesce(rr.writer_ids, ''))) AS resource_key,
      CASE WHEN coalesce(rr.dsp_resource_id, '') <> '' THEN 'dsp:' || r.sender || ':' || rr.dsp_resource_id
        ELSE 'meta:' || coalesce(upper(rr.isrc), '') || ':' || coalesce(rr.title, '') || ':' || coalesce(rr.display_artist, '') END AS memory_key
    FROM report_resources rr JOIN reports r USING (report_id) SEMI JOIN id_reports USING (report_id)`);
  // res_id only joins a run's tables (no output or tie-break reads it), so resources are numbered in the
  // order they come out of the grouping: stored in res_id order (pages below read ranges) without sorting
  // 200 k wide rows by their key (measured: 0.65 -> 0.40 CPU-s under load).
  await store.run(`CREATE OR REPLACE TEMP TABLE id_res AS
    SELECT CAST(row_number() OVER () AS INTEGER) AS res_id, *
    FROM (SELECT resource_key, any_value(memory_key) AS memory_key, any_value(report_id) AS report_id,
      any_value(dsp_resource_id) AS dsp_resource_id, any_value(isrc) AS isrc, any_value(iswc) AS iswc,
      any_value(work_ref) AS work_ref, any_value(title) AS title, any_value(subtitle) AS subtitle,
      any_value(work_title) AS work_title, any_value(display_artist) AS display_artist,
      any_value(duration_s) AS duration_s, any_value(writers) AS writers, any_value(writer_ids) AS writer_ids
      FROM id_rows GROUP BY resource_key)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_res_keys (res_id INTEGER, title_key VARCHAR, full_key VARCHAR,
    annotations VARCHAR, parts VARCHAR, is_medley BOOLEAN)`);
  await store.run(
    'CREATE OR REPLACE TEMP TABLE id_res_k (res_id INTEGER, key VARCHAR, kind VARCHAR, num_key VARCHAR)',
  );
  await store.run('CREATE OR REPLACE TEMP TABLE id_res_artists (res_id INTEGER, name_key VARCHAR)');
  await store.run('CREATE OR REPLACE TEMP TABLE id_res_words (res_id INTEGER, word VARCHAR)');

  // Plain titles, names and credits (most of them) are keyed here in SQL; the TypeScript loop below
  // reads only the resources with some other text (`nothing_else`: every field plain or null), and keys
  // only those fields.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_res_plain AS
    SELECT res_id, t, tp, ap, wp, (tp OR t IS NULL) AND (ap OR a IS NULL) AND (wp OR w IS NULL) AS nothing_else FROM (
      SELECT res_id, t, display_artist AS a, writers AS w, ${plainTitleSql('t', 'subtitle')} AS tp,
        ${plainNameSql('display_artist')} AS ap, ${plainWritersSql('writers')} AS wp
      FROM (SELECT res_id, coalesce(title, work_title) AS t, subtitle, display_artist, writers FROM id_res))`);
  await store.run(
    `INSERT INTO id_res_keys SELECT res_id, lower(t), lower(t), '', '', false FROM id_res_plain WHERE tp`,
  );
  await store.run(
    `INSERT INTO id_res_k SELECT res_id, k, 'main', ${numberKeySql('k')} FROM (SELECT res_id, lower(t) AS k FROM id_res_plain WHERE tp)`,
  );
  await store.run(
    `INSERT INTO id_res_artists SELECT res_id, ${plainNameKeySql('display_artist')} FROM id_res SEMI JOIN (SELECT res_id FROM id_res_plain WHERE ap) USING (res_id)`,
  );
  await store.run(`INSERT INTO id_res_words SELECT DISTINCT res_id, unnest(${plainWriterWordsSql('writers')}) FROM id_res
    SEMI JOIN (SELECT res_id FROM id_res_plain WHERE wp) USING (res_id)`);

  // Rows are built straight into the text that insertTextLines sends: no array per row.
  const F = TEXT_FIELD_SEPARATOR;
  const keys: string[] = [];
  const k: string[] = [];
  const artists: string[] = [];
  const words: string[] = [];
  // Takes the lines keyed so far at once, then inserts them.
  const flush = async () => {
    const batch = [keys.splice(0), k.splice(0), artists.splice(0), words.splice(0)] as const;
    await insertTextLines(store, 'id_res_keys', 6, batch[0]);
    await insertTextLines(store, 'id_res_k', 4, batch[1]);
    await insertTextLines(store, 'id_res_artists', 2, batch[2]);
    await insertTextLines(store, 'id_res_words', 2, batch[3]);
  };
  // Pages by res_id: a DuckDB stream is invalidated by other statements on the connection, and the
  // keys are appended as we go, so each page is read whole (as columns: no object per row) before appending.
  // The connection runs one statement at a time: a page is read, then the previous page's keys are
  // inserted while this one is keyed in TypeScript (DuckDB works on its own threads meanwhile).
  // Credits repeat across a report (an album's tracks, an artist's catalogue): each distinct credit is keyed once,
  // kept as its text fields.
  const artistKeys = new Map<string, readonly string[]>();
  const writerKeys = new Map<string, readonly string[]>();
  const PAGE = 50_000;
  const readPage = async (from: number) =>
    (
      await store.connection.runAndReadAll(
        `SELECT res_id, CASE WHEN NOT p.tp THEN coalesce(title, work_title) END AS title, subtitle,
          CASE WHEN NOT p.ap THEN display_artist END, CASE WHEN NOT p.wp THEN writers END
        FROM id_res JOIN id_res_plain p USING (res_id)
        WHERE res_id >= $1 AND res_id < $2 AND NOT (p.tp AND p.ap AND p.wp) AND NOT p.nothing_else`,
        [from, from + PAGE],
      )
    ).getColumnsJS() as (string | number | null)[][];
  let inserting: Promise<void> = Promise.resolve();
  const total = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM id_res'))?.n ?? 0n);
  let page = await readPage(1);
  // res_id runs 1..total; a page may hold no row to key (all plain).
  for (let from = 1; from <= total;) {
    const [ids = [], titles = [], subtitles = [], artistCol = [], writerCol = []] = page;
    for (let i = 0; i < ids.length; i++) {
      const id = String(ids[i]);
      const raw = titles[i] as string | null;
      if (raw !== null && raw.trim() !== '') {
        const t = normaliseTitle(raw);
        const subtitle = subtitles[i] as string | null;
        const annotations =
          subtitle !== null && subtitle.trim() !== ''
            ? [...t.annotations, normaliseTitle(subtitle).key]
            : t.annotations;
        const key = textField(t.key);
        keys.push(
          id +
            F +
            key +
            F +
            textField(t.fullKey) +
            F +
            textField(annotations.join(' | ')) +
            F +
            textField(t.parts.join(' | ')) +
            F +
            String(t.parts.length > 1),
        );
        k.push(id + F + key + F + 'main' + F + numberKey(t.key));
        if (t.fullKey !== t.key)
          k.push(id + F + textField(t.fullKey) + F + 'full' + F + numberKey(t.fullKey));
        for (const part of t.parts) k.push(id + F + textField(part) + F + 'part' + F + numberKey(part));
      }
      const artist = artistCol[i] as string | null;
      if (artist !== null) {
        let ks = artistKeys.get(artist);
        if (ks === undefined) artistKeys.set(artist, (ks = nameKeys(artist).map(textField)));
        for (const key of ks) artists.push(id + F + key);
      }
      const writers = writerCol[i] as string | null;
      if (writers !== null) {
        let ws = writerKeys.get(writers);
        if (ws === undefined) writerKeys.set(writers, (ws = writerWords(writers).map(textField)));
        for (const w of ws) words.push(id + F + w);
      }
    }
    await inserting;
    from += PAGE;
    page = await readPage(from);
    inserting = flush();
    // Awaited before the next statement; a failure meanwhile is not an unhandled rejection.
    inserting.catch(() => undefined);
  }
  await inserting;
  // IPI name numbers given for the writers ('IPI::00261661375', '00261661375', ...): 9–11 digits, zero-padded.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_res_ipis AS
    SELECT DISTINCT res_id, lpad(ipi, 11, '0') AS ipi FROM (
      SELECT res_id, regexp_replace(unnest(string_split(writer_ids, '|')), '^\\s*(IPI|IPN|IPI_NAME)?[:\\s]*', '') AS ipi
      FROM id_res WHERE writer_ids IS NOT NULL)
    WHERE regexp_full_match(ipi, '[0-9]{9,11}')`);
  return total;
}
