import { sql, type Store } from '../warehouse/index.js';
import type { MatchOptions } from './match-options.js';

/**
 * Cascade steps (1) work identifiers and (2) ISRC → work links, over the staged `id_res`.
 * Writes `id_ident`: one row per resource with an identifier answer (status 'accepted' or 'review').
 * Accepted answers are trusted; review answers (conflicting identifiers, an ISRC linked to several
 * works, an ISRC whose work title disagrees strongly with the reported title) give way to a human
 * decision in the decision memory.
 */
export async function runIdentifierSteps(store: Store, options: MatchOptions): Promise<void> {
  // (1) ISWC (preferred or archived) and the society's own work id.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_s1 AS
    SELECT res_id, list_sort(list(DISTINCT work_id)) AS works, bool_or(via = 'iswc') AS by_iswc
    FROM (
      -- Only the repertoire's ISWCs that the reports give are looked at (a semi join each, not a union of every work).
      SELECT r.res_id, w.work_id, 'iswc' AS via FROM id_res r
        JOIN (SELECT work_id, iswc FROM work_iswcs SEMI JOIN id_res USING (iswc)
          UNION SELECT work_id, iswc FROM works SEMI JOIN id_res USING (iswc)) w ON w.iswc = r.iswc
      UNION ALL
      SELECT r.res_id, w.work_id, 'work-id' FROM id_res r JOIN works w ON w.work_id = r.work_ref)
    GROUP BY res_id`);
  // (2) The link registry, with partner links that only know the ISWC resolved to our work, and CWR REC recordings.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_links AS
    SELECT DISTINCT isrc, work_id FROM (
      SELECT upper(isrc) AS isrc, work_id FROM isrc_work_links WHERE work_id IS NOT NULL
      UNION ALL SELECT upper(l.isrc), wi.work_id FROM isrc_work_links l JOIN work_iswcs wi ON l.work_id IS NULL AND wi.iswc = l.iswc
      UNION ALL SELECT upper(l.isrc), w.work_id FROM isrc_work_links l JOIN works w ON l.work_id IS NULL AND w.iswc = l.iswc
      UNION ALL SELECT upper(isrc), work_id FROM recordings)
    SEMI JOIN id_res USING (isrc)`);
  // Title agreement of each ISRC candidate: the reported keys against the work's titles. They agree
  // when a key is the same, when the metadata step would call them the same title with a typo
  // (similarity ≥ 0.8, the same numbers), or when every word of the shorter, of two words or more, is
  // in the other ("hey jude" / "hey jude reprise"). One shared word ("part", a common word) is not
  // agreement: another work's ISRC given by mistake must not be trusted.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_s2 AS
    SELECT res_id, work_id, max(sim) AS sim, bool_or(agree) AS agree, count(key) > 0 AS has_title FROM (
      SELECT r.res_id, l.work_id, k.key,
        CASE WHEN k.key = t.title_key THEN 1.0 WHEN k.num_key <> t.num_key THEN 0.0
          ELSE 0.5 * jaro_winkler_similarity(k.key, t.title_key)
            + 0.5 * (1 - levenshtein(k.key, t.title_key) / greatest(length(k.key), length(t.title_key), 1)) END AS sim,
        sim >= 0.8 OR least(len(kw), len(tw)) >= 2 AND (list_has_all(kw, tw) OR list_has_all(tw, kw)) AS agree
      FROM id_res r JOIN id_links l USING (isrc)
        LEFT JOIN id_res_k k ON k.res_id = r.res_id
        LEFT JOIN match_work_titles t ON t.work_id = l.work_id,
        LATERAL (SELECT string_split(k.key, ' ') AS kw, string_split(t.title_key, ' ') AS tw)
      WHERE r.res_id NOT IN (SELECT res_id FROM id_s1))
    GROUP BY ALL`);
  await store.run(sql`CREATE OR REPLACE TEMP TABLE id_ident AS
    SELECT res_id, works[1] AS work_id, CASE WHEN by_iswc THEN 'iswc' ELSE 'work-id' END AS method,
      CASE WHEN len(works) = 1 THEN 1000 ELSE ${options.review} END AS score,
      CASE WHEN len(works) = 1 THEN 'accepted' ELSE 'review' END AS status,
      CASE WHEN len(works) = 1 THEN NULL ELSE 'identifier-conflict' END AS reason,
      to_json({candidates: works}) AS evidence
    FROM id_s1
    UNION ALL
    SELECT res_id, arg_max(work_id, coalesce(sim, 0)) AS work_id, 'isrc',
      CASE WHEN count(*) = 1 AND agree THEN 1000 ELSE ${options.review} END,
      CASE WHEN count(*) = 1 AND agree THEN 'accepted' ELSE 'review' END,
      CASE WHEN count(*) > 1 THEN 'isrc-conflict' WHEN NOT agree THEN 'isrc-title-disagree' END,
      to_json({candidates: list_sort(list(work_id)), title_similarity: round(max(coalesce(sim, 0)), 3)})
    FROM (SELECT * EXCLUDE (agree), bool_and(NOT has_title OR agree) OVER (PARTITION BY res_id) AS agree FROM id_s2)
    GROUP BY res_id, agree`);
}
