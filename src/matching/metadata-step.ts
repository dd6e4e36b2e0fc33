import { sql, type Store } from '../warehouse/index.js';
import type { MatchOptions } from './match-options.js';

/**
 * Cascade step (4), scored metadata matching, for the resources in TEMP `id_open`, all at once in SQL.
 *
 * Blocking: exact title keys (main, with bracketed parts, medley parts) unless the key's block is
 * larger than `maxExactBlock`; for resources without an exact candidate, their three rarest title
 * tokens (blocks up to `maxTokenBlock`; two of the three shared when there are three) and their performers and writers (up to `maxPeopleBlock` works each).
 *
 * Score (integer 0..1000): title 750 when exact, else 1200·sim − 450 capped at 720 (sim = mean of
 * Jaro-Winkler and Levenshtein ratio, 0 when the titles' numbers differ; below 0.75 dropped);
 * performer +250 (none when the performers differ: a cover keeps its work, so a mismatch is no
 * evidence against it, it is kept in the evidence as −1); writer surname
 * +250, IPI +300, −150 when both sides name writers and none agree; duration ±10 s +30, more than 60 s
 * −60 (within 10 s: DSR durations are of the recording, CWR's of the work); a title key that only one
 * work of the repertoire carries, or the only same-title work within 10 s of the duration when every
 * other is more than 30 s away, +120. A typo counts as the exact title, unique (750 + 120), when the
 * reported title is not in the repertoire at all, is one edit from a whole title of at least 10
 * characters, and no other candidate comes within similarity 0.85 (`unique_near`). Clamped to 0..1000.
 * So an exact title is accepted at 900 with a performer or writer, or when it is unique and the
 * duration agrees (a unique typo likewise); a near title (sim ≥ 0.9) needs a performer or writer and
 * the duration, or both.
 * Writes `id_meta`: the best candidate per resource with its score, the runner-up, and evidence.
 */
export async function runMetadataStep(
  store: Store,
  options: MatchOptions,
  progress: (step: string) => void = () => undefined,
): Promise<void> {
  progress('metadata:exact-block');
  await store.run(
    `CREATE OR REPLACE TEMP TABLE id_open_k AS SELECT k.* FROM id_res_k k SEMI JOIN id_open USING (res_id)`,
  );
  await store.run(`CREATE OR REPLACE TEMP TABLE id_key_df AS
    SELECT title_key AS key, n FROM match_title_key_df SEMI JOIN id_open_k ON key = title_key`);
  await store.run(sql`CREATE OR REPLACE TEMP TABLE id_pair AS
    SELECT DISTINCT k.res_id, t.work_id FROM id_open_k k
      JOIN id_key_df d ON d.key = k.key AND d.n <= ${options.maxExactBlock}
      JOIN match_work_titles t ON t.title_key = k.key`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_fuzzy AS
    SELECT res_id FROM id_open WHERE res_id NOT IN (SELECT res_id FROM id_pair)`);
  progress('metadata:token-block');
  // Rarest two tokens of the main key.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_tok AS
    SELECT DISTINCT res_id, unnest(string_split(replace(key, ' / ', ' '), ' ')) AS token
    FROM id_open_k SEMI JOIN id_fuzzy USING (res_id) WHERE kind = 'main'`);
  // Up to three rarest tokens; when a title has three or more usable ones, a candidate must carry two
  // of the three (one typo spoils one token, not two), which drops chance pairs before any similarity
  // is computed (measured on 1 M works, 200 k resources: 2.18 M -> 1.78 M token pairs, same recall).
  // With one or two usable tokens, one shared token is enough: those postings are the pairs as they
  // are, not grouped (a work carrying both tokens is listed twice; id_title groups the pairs). Only the
  // two-of-three rule needs the count (measured: grouping every posting was 0.7 of 0.8 CPU-s).
  await store.run(sql`CREATE OR REPLACE TEMP TABLE id_tok_pick AS
    WITH df AS (SELECT token, n FROM match_token_df SEMI JOIN id_tok USING (token))
    SELECT res_id, token, count(*) OVER (PARTITION BY res_id) AS usable FROM id_tok JOIN df USING (token)
      WHERE n <= ${options.maxTokenBlock}
      QUALIFY row_number() OVER (PARTITION BY res_id ORDER BY n, token) <= 3`);
  await store.run(`INSERT INTO id_pair
    SELECT res_id, work_id FROM id_tok_pick JOIN match_title_tokens USING (token) WHERE usable < 3`);
  await store.run(`INSERT INTO id_pair
    SELECT res_id, work_id FROM id_tok_pick JOIN match_title_tokens USING (token) WHERE usable >= 3
    GROUP BY res_id, work_id HAVING count(*) >= 2`);
  progress('metadata:people-block');
  await store.run(sql`INSERT INTO id_pair
    WITH keys AS (
      SELECT a.res_id, a.name_key, 'performer' AS kind FROM id_res_artists a SEMI JOIN id_fuzzy USING (res_id)
      UNION SELECT w.res_id, w.word, 'writer' FROM id_res_words w SEMI JOIN id_fuzzy USING (res_id) WHERE length(w.word) >= 3),
    df AS (SELECT d.kind, d.name_key, d.n FROM match_people_df d SEMI JOIN keys k ON k.name_key = d.name_key AND k.kind = d.kind)
    SELECT k.res_id, p.work_id FROM keys k JOIN df d ON d.name_key = k.name_key AND d.kind = k.kind AND d.n <= ${options.maxPeopleBlock}
      JOIN match_work_people p ON p.name_key = k.name_key AND p.kind = k.kind`);
  // id_pair may list a pair more than once (two tokens, a token and a person): id_title groups them,
  // which is cheaper than making each block's pairs distinct (measured: the people block's EXCEPT
  // against 2 M token pairs cost more than the duplicate similarities it spared).
  // A work a human rejected for this resource is never proposed again.
  await store.run('DELETE FROM id_pair WHERE (res_id, work_id) IN (SELECT res_id, work_id FROM id_rejected)');

  progress('metadata:features');
  // Title similarity first, on the cheap Jaro-Winkler alone: pairs below 0.8 are dropped (they could
  // reach sim 0.75 only with a Levenshtein ratio above 0.7, and then would need two corroborations;
  // measured: this filter takes the pairs to score from 1.56 M to a fraction, on 1 M works). Levenshtein,
  // the number check and the people joins then run on the survivors only (one statement: the 0.5 M
  // surviving rows are grouped as they come, not stored).
  // Titles that differ in their numbers ("part 1" / "part 2") are different works, however close
  // (the digits of each key are computed once, when it is keyed). A whole title one edit away from a
  // key of at least 10 characters is `near`: a typo rather than another title.
  // Levenshtein (the costly part) only where the pair can still reach sim 0.75: it needs
  // edits <= (jw - 0.5) * length, and edits are at least the difference of the byte lengths (DuckDB's
  // levenshtein counts bytes); a pair below 0.75 changes neither the kept pairs nor their best sim,
  // and a `near` pair (one edit, 10 characters) always passes. Measured: 271 k -> 161 k distances.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_title AS
    SELECT res_id, work_id, bool_or(title_key = key) AS exact, bool_or(title_key = key AND kind <> 'part') AS exact_whole,
      max(CASE WHEN title_key = key THEN 1.0 WHEN edits IS NULL THEN 0.0
        ELSE 0.5 * jw + 0.5 * (1 - edits / greatest(length(key), length(title_key), 1)) END) AS sim,
      bool_or(edits = 1 AND kind <> 'part' AND length(key) >= 10) AS near
    FROM (SELECT *, CASE WHEN title_key <> key AND res_num = work_num
        AND abs(strlen(key) - strlen(title_key)) <= (jw - 0.5) * greatest(length(key), length(title_key), 1) + 1e-9
        THEN levenshtein(key, title_key) END AS edits FROM (
      SELECT p.res_id, p.work_id, k.key, k.kind, k.num_key AS res_num, t.title_key, t.num_key AS work_num,
        jaro_winkler_similarity(k.key, t.title_key) AS jw
      FROM id_pair p JOIN id_open_k k USING (res_id) JOIN match_work_titles t USING (work_id)
      WHERE k.key = t.title_key OR jaro_winkler_similarity(k.key, t.title_key) >= 0.8))
    GROUP BY ALL HAVING bool_or(title_key = key) OR sim >= 0.75`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_feat AS
    WITH title AS (SELECT * FROM id_title),
    perf AS (
      SELECT p.res_id, p.work_id, max(CASE WHEN a.name_key = wp.name_key THEN 1.0 ELSE jaro_winkler_similarity(a.name_key, wp.name_key) END) AS best
      FROM id_title p JOIN id_res_artists a USING (res_id)
        JOIN match_work_people wp ON wp.work_id = p.work_id AND wp.kind = 'performer' AND wp.name_key <> '' GROUP BY ALL),
    wr AS (
      SELECT p.res_id, p.work_id, count(w.word) AS hits
      FROM id_title p SEMI JOIN (SELECT DISTINCT res_id FROM id_res_words) USING (res_id)
        JOIN match_work_people wp ON wp.work_id = p.work_id AND wp.kind = 'writer' AND wp.name_key <> ''
        LEFT JOIN id_res_words w ON w.res_id = p.res_id AND w.word = wp.name_key GROUP BY ALL),
    ipi AS (
      SELECT DISTINCT p.res_id, p.work_id FROM id_title p JOIN id_res_ipis i USING (res_id)
        JOIN work_shares ws ON ws.work_id = p.work_id JOIN parties pa ON pa.party_id = ws.party_id AND pa.ipi_name_number = i.ipi),
    uniq AS (
      SELECT k.res_id, max(d.n) AS maxn FROM id_open_k k JOIN id_key_df d USING (key) WHERE k.kind <> 'part' GROUP BY ALL),
    ew AS (SELECT res_id, count(*) AS n FROM title WHERE exact_whole GROUP BY res_id)
    SELECT t.res_id, t.work_id, t.exact, t.exact_whole, t.sim, t.near AND uniq.maxn IS NULL AS near,
      CASE WHEN perf.best >= 0.93 THEN 1 WHEN perf.best IS NOT NULL THEN -1 ELSE 0 END AS performer,
      CASE WHEN wr.hits > 0 THEN 1 WHEN wr.hits = 0 THEN -1 ELSE 0 END AS writer,
      ipi.work_id IS NOT NULL AS ipi,
      CASE WHEN r.duration_s IS NULL OR w.duration_s IS NULL OR w.duration_s = 0 THEN 0
        WHEN abs(r.duration_s - w.duration_s) <= 10 THEN 1 WHEN abs(r.duration_s - w.duration_s) > 60 THEN -1 ELSE 0 END AS duration,
      CASE WHEN r.duration_s > 0 AND w.duration_s > 0 THEN abs(r.duration_s - w.duration_s) END AS duration_diff,
      t.exact_whole AND uniq.maxn = 1 AND ew.n = 1 AS unique_title,
      rk.title_key, rk.is_medley
    FROM title t
      LEFT JOIN perf USING (res_id, work_id) LEFT JOIN wr USING (res_id, work_id) LEFT JOIN ipi USING (res_id, work_id)
      LEFT JOIN uniq USING (res_id) LEFT JOIN ew USING (res_id) JOIN id_res r USING (res_id) JOIN works w USING (work_id) JOIN id_res_keys rk USING (res_id)
    WHERE t.exact OR t.sim >= 0.75`);
  progress('metadata:score');
  // Same-title works told apart by duration: the one exact candidate within 10 s when every other
  // exact candidate has a known duration more than 30 s away counts as unique (a cover of a common
  // title with no people to go by). Two candidates near the duration leave it ambiguous.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_scored AS
    WITH f AS (SELECT *, exact_whole AND duration_diff <= 10
        AND count(*) FILTER (WHERE exact_whole AND (duration_diff IS NULL OR duration_diff <= 30)) OVER (PARTITION BY res_id) = 1 AS unique_by_duration,
        near AND count(*) FILTER (WHERE sim >= 0.85) OVER (PARTITION BY res_id) = 1 AS unique_near
      FROM id_feat)
    SELECT *, CAST(greatest(0, least(1000,
        (CASE WHEN exact OR unique_near THEN 750 ELSE least(720, CAST(round(1200 * sim) AS INTEGER) - 450) END)
      + (CASE performer WHEN 1 THEN 250 ELSE 0 END)
      + (CASE WHEN ipi THEN 300 WHEN writer = 1 THEN 250 WHEN writer = -1 THEN -150 ELSE 0 END)
      + (CASE duration WHEN 1 THEN 30 WHEN -1 THEN -60 ELSE 0 END)
      + (CASE WHEN unique_title OR unique_by_duration OR unique_near THEN 120 ELSE 0 END))) AS INTEGER) AS score
    FROM f`);
  // The top five as a list sorted by rank afterwards: an ordered aggregate (list(... ORDER BY rn)) buffers
  // and sorts each group and took twice as long (90 k resources: 1.6 -> 0.8 s under load). The ranking is
  // computed once (MATERIALIZED) and keeps only the top five, the columns used and the rows grouped
  // (0.33 -> 0.26 CPU-s under load).
  await store.run(`CREATE OR REPLACE TEMP TABLE id_meta AS
    WITH ranked AS MATERIALIZED (SELECT res_id, work_id, score, exact_whole, is_medley, sim, exact, performer, writer, ipi, duration,
        unique_title, unique_by_duration, unique_near, row_number() OVER (PARTITION BY res_id ORDER BY score DESC, work_id) AS rn
      FROM id_scored QUALIFY rn <= 5)
    SELECT b.res_id, b.work_id, b.score, coalesce(s.second, 0) AS second, b.exact_whole, b.is_medley,
      to_json({title_similarity: round(b.sim, 3), exact: b.exact, performer: b.performer, writer: b.writer, ipi: b.ipi,
        duration: b.duration, unique_title: b.unique_title, unique_by_duration: b.unique_by_duration, unique_near: b.unique_near, second_score: coalesce(s.second, 0),
        candidates: list_transform(list_sort(s.top), c -> {work_id: c.work_id, score: c.score})}) AS evidence
    FROM ranked b
      JOIN (SELECT res_id, max(score) FILTER (WHERE rn = 2) AS second,
        list({rn: rn, work_id: work_id, score: score}) AS top FROM ranked GROUP BY res_id) s USING (res_id)
    WHERE b.rn = 1`);
}
