import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCH_OPTIONS, identifyReports, refreshMatchIndex } from '../src/matching/index.js';
import { openStore, type Store } from '../src/warehouse/index.js';

/**
 * Identification at scale, with known truth, all generated in DuckDB with range() and hash() (no
 * randomness: the same sizes give the same data). A repertoire of W works (titles drawn from 64,000
 * pseudo-words with a skewed distribution, so common words and same-title works exist; performers,
 * writers with IPI numbers, ISRC links for 40 % of works) and R distinct resources of one report:
 *   10 % carry the work's ISWC                                   → truth: identifier path
 *   35 % carry an ISRC the registry links to the work             → truth: ISRC path
 *   33 % carry only metadata (no or unknown ISRC), with noise: one-letter typos (25 %), annotations
 *        ("(Live)", "- Remastered 2011", "feat. X", 35 %), upper case, accents (10 %), "Part II" works
 *        (4 %) reported half as ", Pt. 2", "A feat. B" credits (10 %), a cover artist instead of
 *        the work's performer (10 %; always when the work names no performer), writers given for
 *        half, durations off by a few seconds
 *    3 % 'translated': the same noise on a translated title the work declares as an alternate title
 *        (ALT; 10 % of works have one, in other words than the original)
 *    2 % 'medley': "A / B" of two works, with A's performer → truth A, but a medley is never
 *        accepted as one work (the review queue splits it)
 *    2 % 'wrong-isrc': the clean metadata of a work with the ISRC of another linked work (a label's
 *        mistake) → truth: the work of the title, never the ISRC's
 *   15 % are recordings of works outside the repertoire (titles from the same vocabulary, so some
 *        collide with repertoire titles) → truth: unidentified.
 * Precision = correct accepted / accepted; recall = correct accepted / resources whose work is known.
 */
export interface IdentifyBenchResult {
  readonly works: number;
  readonly resources: number;
  readonly threads: number;
  readonly index_seconds: number;
  readonly identify_seconds: number;
  readonly resources_per_s: number;
  /** CPU seconds (all threads) of the identify call: steadier than wall time on a shared machine. */
  readonly identify_cpu_seconds: number;
  readonly by_truth: Readonly<
    Record<
      string,
      {
        resources: number;
        accepted: number;
        correct: number;
        review: number;
        precision: number;
        recall: number;
      }
    >
  >;
  readonly by_method: Readonly<Record<string, { accepted: number; correct: number; precision: number }>>;
  readonly step_seconds: Readonly<Record<string, number>>;
  readonly build_seconds: number;
  readonly peak_rss_mb: number;
}

const SYL = `['ka','lo','mi','ra','ne','to','su','vi','da','le','po','mu','ri','sa','no','te','bi','ga','ho','ju',
  'ma','re','si','tu','fa','ze','qui','yo','ba','de','fi','gu','la','me','ni','or','pa','sol','tri','ve']`;
// Word k of the vocabulary (0 <= k < 64000), as SQL over an integer expression.
const word = (k: string) =>
  `(${SYL}[CAST(1 + (${k}) % 40 AS BIGINT)] || ${SYL}[CAST(1 + ((${k}) // 40) % 40 AS BIGINT)] || ${SYL}[CAST(1 + ((${k}) // 1600) % 40 AS BIGINT)])`;
// A skewed word index from a hash: a few words are very common, most are rare.
const skewed = (seed: string) => `CAST(64000 * pow((hash(${seed}) % 1000003) / 1000003.0, 2.2) AS BIGINT)`;
// Capitalised first letter (DuckDB has no initcap).
const cap = (x: string) => `(upper(substr(${x}, 1, 1)) || substr(${x}, 2))`;
const titleOf = (id: string) =>
  `(${word(skewed(`${id}, 1`))} || CASE WHEN hash(${id}, 9) % 10 < 8 THEN ' ' || ${word(skewed(`${id}, 2`))} ELSE '' END
    || CASE WHEN hash(${id}, 9) % 10 < 4 THEN ' ' || ${word(skewed(`${id}, 3`))} ELSE '' END)`;

export async function seed(store: Store, works: number, resources: number): Promise<void> {
  const artists = Math.max(10, Math.floor(works / 5));
  const writers = Math.max(10, Math.floor(works / 3));
  await store.run(`INSERT INTO works (work_id, title, iswc, duration_s)
    SELECT 'W' || i, upper(${titleOf('i')}) || CASE WHEN hash(i, 40) % 25 = 0 THEN ' PART ' || ['I', 'II', 'III', 'IV'][CAST(1 + hash(i, 41) % 4 AS BIGINT)] ELSE '' END,
      'T' || lpad(CAST(i AS VARCHAR), 10, '0'), 120 + CAST(hash(i, 4) % 240 AS INTEGER) FROM range(${works}) t(i)`);
  await store.run(`INSERT INTO work_iswcs SELECT work_id, iswc, true FROM works`);
  // Translated titles: other words than the original (an id past the repertoire's picks other words).
  await store.run(`INSERT INTO work_titles SELECT 'W' || i, upper(${titleOf(`${works * 7} + i`)}), 'AT', 'EN'
    FROM range(${works}) t(i) WHERE hash(i, 50) % 10 = 0`);
  await store.run(`INSERT INTO work_performers SELECT 'W' || i, ${cap(`${word(`hash(i % ${artists}, 5) % 64000`)} || ' ' || ${word(`hash(i % ${artists}, 6) % 64000`)}`)}
    FROM range(${works}) t(i) WHERE hash(i, 7) % 10 < 6`);
  await store.run(`INSERT INTO parties (party_id, kind, name, first_name, ipi_name_number)
    SELECT 'P' || j, 'writer', upper(${word(`hash(j, 11) % 64000`)} || 'son'), upper(${word(`hash(j, 12) % 64000`)}), lpad(CAST(j * 100 + 7 AS VARCHAR), 11, '0')
    FROM range(${writers}) t(j)`);
  await store.run(`INSERT INTO work_shares SELECT 'W' || i, 'P' || CAST(hash(i, 13) % ${writers} AS BIGINT), 'CA', NULL, 'performing', '+2136', 5000, 5000, true, NULL
    FROM range(${works}) t(i)
    UNION ALL SELECT 'W' || i, 'P' || CAST(hash(i, 14) % ${writers} AS BIGINT), 'A', NULL, 'performing', '+2136', 5000, 5000, true, NULL
    FROM range(${works}) t(i) WHERE hash(i, 15) % 2 = 0`);
  await store.run(`INSERT INTO isrc_work_links SELECT 'FRZ03' || lpad(CAST(i AS VARCHAR), 7, '0'), 'W' || i, NULL, 'cwr', 'bench', 100,
    TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01', false FROM range(${works}) t(i) WHERE hash(i, 16) % 10 < 4`);
  await store.run(`INSERT INTO reports VALUES ('R1', 'M1', 'PADPIDA2014040901A', 'DSP', NULL, 'Premium', 'FR', DATE '2024-01-01', DATE '2024-01-31',
    'BasicAudioProfile', '1.2', 1, 1, 'complete', 'run-0')`);
  // Truth: the work each resource records (outside the repertoire: ids >= works).
  // w2: the other work of a medley, or the linked work whose ISRC a 'wrong-isrc' resource carries.
  await store.run(`CREATE TABLE bench_truth AS
    SELECT r, CASE WHEN kind = 'unknown' THEN ${works} + r ELSE CAST(hash(r, 21) % ${works} AS BIGINT) END AS w,
      CAST(hash(r, 51) % ${works} AS BIGINT) AS w2, kind FROM (
      SELECT r, CASE WHEN r % 100 < 10 THEN 'iswc' WHEN r % 100 < 45 THEN 'isrc' WHEN r % 100 < 78 THEN 'metadata'
        WHEN r % 100 < 81 THEN 'translated' WHEN r % 100 < 83 THEN 'medley' WHEN r % 100 < 85 THEN 'wrong-isrc' ELSE 'unknown' END AS kind
      FROM range(${resources}) t(r))`);
  // ISRC-path resources use works that have a link; translated ones works with an alternate title.
  await store.run(`UPDATE bench_truth SET w = (SELECT min(i) FROM range(w, w + 200) t(i) WHERE hash(i, 16) % 10 < 4 AND i < ${works})
    WHERE kind = 'isrc'`);
  await store.run(`UPDATE bench_truth SET w2 = (SELECT min(i) FROM range(w2, w2 + 200) t(i) WHERE hash(i, 16) % 10 < 4 AND i < ${works} AND i <> w)
    WHERE kind = 'wrong-isrc'`);
  await store.run(`UPDATE bench_truth SET w = (SELECT min(i) FROM range(w, w + 200) t(i) WHERE hash(i, 50) % 10 = 0 AND i < ${works})
    WHERE kind = 'translated'`);
  await store.run(`DELETE FROM bench_truth WHERE w IS NULL OR w2 IS NULL`);
  await store.run(`INSERT INTO report_resources
    SELECT 'R1', 'B' || (r // 1000), 'A' || r, 'dsp:' || r,
      CASE WHEN kind = 'isrc' THEN 'FRZ03' || lpad(CAST(w AS VARCHAR), 7, '0') WHEN kind = 'wrong-isrc' THEN 'FRZ03' || lpad(CAST(w2 AS VARCHAR), 7, '0')
        WHEN hash(r, 30) % 2 = 0 THEN 'QZ' || lpad(CAST(r AS VARCHAR), 10, '0') END,
      CASE WHEN kind = 'medley' THEN t || ' / ' || t2
        WHEN noisy AND hash(r, 31) % 100 < 25 AND length(t) > 6
          THEN substr(t, 1, 3) || CASE WHEN substr(t, 4, 1) = 'e' THEN 'a' ELSE 'e' END || substr(t, 5)
        ELSE t END
      || CASE WHEN noisy THEN (CASE hash(r, 32) % 20 WHEN 0 THEN ' (Live)' WHEN 1 THEN ' - Remastered 2011' WHEN 2 THEN ' (feat. Zorro)'
          WHEN 3 THEN ' [Radio Edit]' WHEN 4 THEN ' - Acoustic Version' WHEN 5 THEN ' (Instrumental)' WHEN 6 THEN ' (2019 Remaster)' ELSE '' END) ELSE '' END,
      NULL,
      CASE WHEN noisy AND hash(r, 33) % 10 = 0 OR perf IS NULL THEN 'Cover ' || ${word('hash(r, 34) % 64000')}
        WHEN noisy AND hash(r, 44) % 10 = 0 THEN perf || ' feat. ' || ${cap(word('hash(r, 45) % 64000'))} ELSE perf END,
      CASE WHEN dur IS NULL THEN NULL ELSE dur + CAST(hash(r, 35) % 5 AS INTEGER) - 2 END,
      'SoundRecording',
      CASE WHEN kind = 'iswc' THEN 'T' || lpad(CAST(w AS VARCHAR), 10, '0') END,
      NULL,
      CASE WHEN kind IN ('metadata', 'translated', 'unknown') AND hash(r, 36) % 2 = 0 THEN wr END,
      NULL, NULL, NULL
    FROM (
      SELECT b.r, b.w, b.w2, b.kind, b.kind IN ('metadata', 'translated') AS noisy,
        -- Real-world spellings of the same title: "Part II" reported as ", Pt. 2", accents added.
        CASE WHEN b.kind IN ('metadata', 'translated') AND hash(b.r, 43) % 10 = 0 THEN replace(t0, 'e', 'é') ELSE t0 END AS t,
        ${cap('lower(wk2.title)')} AS t2,
        (SELECT min(name) FROM work_performers p WHERE p.work_id = 'W' || b.w) AS perf, wk.duration_s AS dur,
        (SELECT string_agg(lower(pa.first_name) || ' ' || lower(pa.name), '|') FROM work_shares s JOIN parties pa USING (party_id)
          WHERE s.work_id = 'W' || b.w) AS wr
      FROM bench_truth b LEFT JOIN works wk ON wk.work_id = 'W' || b.w LEFT JOIN works wk2 ON wk2.work_id = 'W' || b.w2
        LEFT JOIN (SELECT work_id, min(title) AS alt FROM work_titles GROUP BY ALL) wt ON wt.work_id = 'W' || b.w,
        LATERAL (SELECT CASE WHEN b.kind = 'translated' THEN ${cap('lower(wt.alt)')}
          WHEN b.kind = 'metadata' AND hash(b.r, 42) % 2 = 0 AND regexp_matches(lower(wk.title), ' part [ivx]+$')
          THEN regexp_replace(${cap('lower(wk.title)')}, ' part [ivx]+$', '') || ', Pt. ' || CAST(1 + hash(b.w, 41) % 4 AS VARCHAR)
          ELSE coalesce(${cap('lower(wk.title)')}, ${cap(titleOf('b.w'))}) END AS t0))`);
}

export async function runIdentifyBench(
  works: number,
  resources: number,
  path: string,
  threads = 2,
): Promise<IdentifyBenchResult> {
  const store = await openStore(path, { threads });
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    let t = performance.now();
    await seed(store, works, resources);
    const buildSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const indexed = await refreshMatchIndex(store);
    process.stderr.write(
      `indexed ${indexed.works} works; again: ${(await refreshMatchIndex(store)).works}\n`,
    );
    const indexSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const cpu = process.cpuUsage();
    const steps: Record<string, number> = {};
    let last = t;
    let lastStep = 'start';
    const mark = (step: string) => {
      const now = performance.now();
      steps[lastStep] = Math.round(now - last) / 1000;
      last = now;
      lastStep = step;
    };
    const out = await identifyReports(store, {
      reportIds: ['R1'],
      runId: 'run-1',
      codeVersion: 'bench',
      now: new Date(0),
      options: DEFAULT_MATCH_OPTIONS,
      onProgress: mark,
    });
    mark('end');
    const identifySeconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const identifyCpuSeconds = (used.user + used.system) / 1e6;
    const truthRows = await store.all<{
      kind: string;
      resources: bigint;
      accepted: bigint;
      correct: bigint;
      review: bigint;
    }>(`
      SELECT b.kind, count(*) AS resources, count(*) FILTER (WHERE m.status = 'accepted') AS accepted,
        count(*) FILTER (WHERE m.status = 'accepted' AND m.work_id = 'W' || b.w) AS correct,
        count(*) FILTER (WHERE m.status = 'review') AS review
      FROM bench_truth b JOIN matches m ON m.resource_ref = 'A' || b.r GROUP BY b.kind ORDER BY b.kind`);
    const methodRows = await store.all<{ method: string; accepted: bigint; correct: bigint }>(`
      SELECT m.method, count(*) AS accepted, count(*) FILTER (WHERE m.work_id = 'W' || b.w) AS correct
      FROM bench_truth b JOIN matches m ON m.resource_ref = 'A' || b.r WHERE m.status = 'accepted' GROUP BY m.method ORDER BY m.method`);
    const ratio = (a: bigint, b: bigint) => (b === 0n ? 1 : Number((a * 100000n) / b) / 100000);
    const byTruth: Record<string, IdentifyBenchResult['by_truth'][string]> = {};
    for (const r of truthRows) {
      byTruth[r.kind] = {
        resources: Number(r.resources),
        accepted: Number(r.accepted),
        correct: Number(r.correct),
        review: Number(r.review),
        precision: ratio(r.correct, r.accepted),
        recall: r.kind === 'unknown' ? 0 : ratio(r.correct, r.resources),
      };
    }
    const byMethod: Record<string, IdentifyBenchResult['by_method'][string]> = {};
    for (const r of methodRows)
      byMethod[r.method] = {
        accepted: Number(r.accepted),
        correct: Number(r.correct),
        precision: ratio(r.correct, r.accepted),
      };
    return {
      works,
      resources: out.resources,
      threads,
      index_seconds: Math.round(indexSeconds * 100) / 100,
      identify_seconds: Math.round(identifySeconds * 100) / 100,
      resources_per_s: Math.round(out.resources / identifySeconds),
      identify_cpu_seconds: Math.round(identifyCpuSeconds * 100) / 100,
      by_truth: byTruth,
      by_method: byMethod,
      step_seconds: steps,
      build_seconds: Math.round(buildSeconds * 100) / 100,
      peak_rss_mb: Math.round(peak / 1048576),
    };
  } finally {
    clearInterval(sample);
    store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const works = Number(process.argv[2] ?? 1_000_000);
  const resources = Number(process.argv[3] ?? 200_000);
  const threads = Number(process.argv[4] ?? 2);
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${join('dist', 'bench')}`) ? join(here, '..', '..') : join(here, '..');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const result = await runIdentifyBench(works, resources, ':memory:', threads);
  writeFileSync(join(root, 'bench', 'results', 'identify.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
