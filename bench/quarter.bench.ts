import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { createDatasetPlan, writeDataset } from '../src/generate/index.js';
import { runQuarter, type QuarterStage } from '../src/stages/quarter/index.js';
import { openStore, quoteLiteral } from '../src/warehouse/index.js';
import { samplePeakRss, stageMemoryTracker, type StageMemory } from './peak-rss.js';

/**
 * The quarter end to end (issue 10): N report lines and a matching repertoire from `tutti generate`,
 * then `runQuarter` (CWR import, mandates, DSR ingest, identify, claim, collect, distribute with
 * statements), and in the same process a bare DuckDB script doing the same essential work on the same
 * files: load the reports, aggregate per resource, join to the repertoire, split to holders, sum per
 * holder, write Parquet. The ratio is tutti's time over the bare script's.
 */
export interface QuarterBenchResult {
  readonly lines: number;
  readonly usage_lines: number;
  readonly seconds: number;
  readonly lines_per_s: number;
  readonly bare_seconds: number;
  readonly ratio: number;
  readonly peak_rss_mb: number;
  readonly generate_seconds: number;
  readonly stages: Record<QuarterStage, number>;
  /** Memory per stage (and of the bare script, `bare`): peak RSS and what makes it up. */
  readonly stage_memory: Record<QuarterStage | 'bare', StageMemory>;
  /** The store's DuckDB settings that bound its memory (`memory_limit`, `threads`, …) as DuckDB reports them. */
  readonly duckdb_settings: Record<string, string>;
  readonly conservation_ok: boolean;
  /** Whether member statement PDFs were written (`--no-pdf` leaves them out). */
  readonly pdf: boolean;
}

const SERVICES = ['Spotify', 'Deezer', 'AppleMusic', 'YouTube'];
const TERRITORIES = ['FR', 'DE', 'BE', 'ES', 'IT'];

/** The DSR files of a folder and their physical line count, read in 1 MiB chunks. */
function fileLines(dir: string): { files: string[]; lines: number } {
  const files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      let read: number;
      while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
        for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
      }
    } finally {
      closeSync(fd);
    }
  }
  return { files, lines };
}

/** The bare engine: the same DSR files, one DuckDB script, no bookkeeping, no exact remainders. */
async function bareQuarter(
  dbPath: string,
  dsrFiles: readonly string[],
  parquet: string,
): Promise<{ seconds: number; memory: StageMemory; peak: number }> {
  const store = await openStore(dbPath);
  const tracker = stageMemoryTracker(() => store.memory());
  tracker.start('bare');
  const columns = Array.from(
    { length: 24 },
    (_, i) => `'c${String(i + 1).padStart(2, '0')}': 'VARCHAR'`,
  ).join(', ');
  const started = performance.now();
  await store.run(`CREATE TEMP TABLE raw AS SELECT * FROM read_csv([${dsrFiles.map(quoteLiteral).join(', ')}],
    delim = '\t', quote = '', escape = '', header = false, auto_detect = false, null_padding = true,
    columns = {${columns}}, filename = true)`);
  await store.run(`COPY (
    WITH sy AS (SELECT filename, c02 AS sid, CAST(CAST(c12 AS DECIMAL(38, 6)) * 1000000 AS HUGEINT) AS revenue FROM raw WHERE c01 LIKE 'SY%'),
    res AS (SELECT filename, c02 AS blk, c03 AS ref, c05 AS isrc FROM raw WHERE c01 LIKE 'AS%'),
    use AS (SELECT filename, c02 AS blk, c03 AS sid, c06 AS ref, CAST(c08 AS BIGINT) AS n FROM raw WHERE c01 LIKE 'SU%'),
    tot AS (SELECT filename, sid, sum(n) AS total FROM use GROUP BY ALL),
    per_resource AS (SELECT u.filename, u.blk, u.ref, sum(sy.revenue * 15 // 100 * u.n // tot.total) AS value
      FROM use u JOIN tot USING (filename, sid) JOIN sy USING (filename, sid) GROUP BY ALL),
    links AS (SELECT DISTINCT isrc, work_id FROM isrc_work_links WHERE work_id IS NOT NULL AND NOT conflict),
    per_work AS (SELECT l.work_id, sum(p.value) AS value FROM per_resource p JOIN res r USING (filename, blk, ref) JOIN links l USING (isrc) GROUP BY ALL)
    SELECT s.party_id, s.right_type, sum(w.value * s.collection_share // 10000) AS amount
    FROM per_work w JOIN work_shares s USING (work_id) WHERE s.right_type IN ('performing', 'mechanical') GROUP BY ALL ORDER BY ALL
  ) TO ${quoteLiteral(parquet)} (FORMAT parquet)`);
  const seconds = (performance.now() - started) / 1000;
  tracker.end();
  store.close();
  return { seconds, memory: tracker.stages['bare'] as StageMemory, peak: tracker.peakRss() };
}

/** The settings that bound the store's memory, as DuckDB reports them. */
const MEMORY_SETTINGS = [
  'memory_limit',
  'threads',
  'preserve_insertion_order',
  'allocator_flush_threshold',
  'allocator_background_threads',
  'checkpoint_threshold',
];

export async function runQuarterBench(options: {
  lines: number;
  dir: string;
  works?: number;
  /** Write member statement PDFs (default true). */
  pdf?: boolean;
  /** Keep the generated inputs of an earlier run with the same parameters (`--reuse`): only the store and outputs are new. */
  reuse?: boolean;
  /** Told when each step of the bench starts (a 20 M-line run takes minutes per stage). */
  onStep?: (step: string) => void;
}): Promise<QuarterBenchResult> {
  const dir = resolve(options.dir);
  const months = ['2024-01'];
  const reports = SERVICES.length * TERRITORIES.length * months.length;
  // A DSR file carries about 2.3 physical lines per usage line (releases, resources, summaries).
  const usageLinesPerReport = Math.max(10, Math.round(options.lines / reports / 2.3));
  const works = options.works ?? Math.min(200_000, Math.max(1_000, Math.round(options.lines / 100)));

  let started = performance.now();
  const parameters = {
    works,
    services: SERVICES,
    territories: TERRITORIES,
    months,
    seed: 7,
    usageLinesPerReport,
  };
  const planFile = join(dir, 'in', '.bench-plan.json');
  const planText = JSON.stringify(parameters);
  let usageLines: number;
  if (options.reuse && existsSync(planFile) && readFileSync(planFile, 'utf8').startsWith(planText)) {
    usageLines = Number(readFileSync(planFile, 'utf8').slice(planText.length).trim());
    for (const entry of ['tutti.duckdb', 'tutti.duckdb.wal', 'tutti.duckdb.tmp', 'out', 'bare.parquet'])
      rmSync(join(dir, entry), { recursive: true, force: true });
  } else {
    rmSync(dir, { recursive: true, force: true });
    options.onStep?.('generating the inputs');
    const generated = await writeDataset(createDatasetPlan(parameters), join(dir, 'in'));
    usageLines = generated.usageLines;
    writeFileSync(planFile, `${planText}\n${usageLines}\n`);
  }
  const generateSeconds = (performance.now() - started) / 1000;
  const dsr = fileLines(join(dir, 'in', 'dsr'));

  const store = await openStore(join(dir, 'tutti.duckdb'));
  const settings = await store.all<{ name: string; value: string }>(
    `SELECT name, value FROM duckdb_settings() WHERE name IN (${MEMORY_SETTINGS.map(quoteLiteral).join(', ')}) ORDER BY name`,
  );
  const rss = samplePeakRss();
  const tracker = stageMemoryTracker(() => store.memory());
  started = performance.now();
  const result = await runQuarter(store, {
    period: '2024-01',
    inDir: join(dir, 'in'),
    outDir: join(dir, 'out'),
    assumePaid: true,
    statementPdfs: options.pdf ?? true,
    codeVersion: 'bench',
    onStage: (e) => {
      if (e.state === 'start') tracker.start(e.stage);
      else tracker.end();
      const m = e.state === 'done' ? tracker.stages[e.stage] : undefined;
      options.onStep?.(
        `${e.stage} ${e.state}${m ? ` (peak RSS ${m.peak_rss_mb} MB, DuckDB ${m.duckdb_mb} MB, heap ${m.heap_mb} MB)` : ''}`,
      );
    },
    now: () => new Date('2024-02-15T00:00:00Z'),
  });
  const seconds = (performance.now() - started) / 1000;
  store.close();

  options.onStep?.('bare DuckDB script');
  const bare = await bareQuarter(join(dir, 'tutti.duckdb'), dsr.files, join(dir, 'bare.parquet'));
  const bareSeconds = bare.seconds;
  const peak = Math.max(rss.stop(), tracker.peakRss(), bare.peak);
  return {
    lines: dsr.lines,
    usage_lines: usageLines,
    seconds: Math.round(seconds * 100) / 100,
    lines_per_s: Math.round(dsr.lines / seconds),
    bare_seconds: Math.round(bareSeconds * 100) / 100,
    ratio: Math.round((seconds / bareSeconds) * 100) / 100,
    peak_rss_mb: Math.round(peak / 2 ** 20),
    generate_seconds: Math.round(generateSeconds * 100) / 100,
    stages: result.seconds,
    stage_memory: { ...(tracker.stages as Record<QuarterStage, StageMemory>), bare: bare.memory },
    duckdb_settings: Object.fromEntries(settings.map((s) => [s.name, s.value])),
    conservation_ok: result.conservation?.['ok'] === true,
    pdf: options.pdf ?? true,
  };
}
