/**
 * DSR ingest benchmark (issue 4): writes a BAP 1.3-style DSR of N lines into git-ignored `bench/data/`
 * with DuckDB `COPY ... TO`, then, in the same process, measures `ingestDsrFiles` on a fresh store file
 * and the bare DuckDB load of the same file (`CREATE TABLE t AS SELECT * FROM read_csv(...)`, the same
 * explicit VARCHAR columns and padding) on another. Saves `bench/results/dsr-ingest.json`.
 *
 * Usage: `node dist/bench/dsr-ingest.bench.js [--lines N] [--files F] [--threads T] [--memory-limit 2GB] [--batch-mb M]`
 * (default 20 M lines in 1 file; `--files 20` splits them into 20 reports, as the quarter bench's ingest reads them;
 * `--batch-mb`: the ingest's batch of text read together, default 256).
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestDsrFiles } from '../src/stages/dsr/index.js';
import { openStore, quoteLiteral } from '../src/warehouse/index.js';
import { samplePeakRss } from './peak-rss.js';

export interface DsrIngestBenchResult {
  readonly lines: number;
  /** How many DSR files the lines were split into (`--files`, default 1): the quarter's ingest reads many. */
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly lines_per_s: number;
  readonly bare_seconds: number;
  readonly ratio: number;
  readonly peak_rss_mb: number;
  readonly bare_single_column_seconds: number;
  readonly generate_seconds: number;
  readonly usage_lines: number;
  /** CPU seconds (user + system, every thread of the process) of the ingest and of the bare load: stable where the machine is shared. */
  readonly cpu_seconds: number;
  readonly bare_cpu_seconds: number;
}

/** Writes the benchmark DSR: HEAD, two summaries (subscription, ad-funded), blocks of AS02.03 + 9 SU02.02, FOOT. */
export async function writeBenchDsr(path: string, lines: number, messageId = `BENCH-${lines}`): Promise<void> {
  const body = lines - 4;
  let s1 = 0n;
  let s2 = 0n;
  for (let b = 0; b < body; b++) {
    if (b % 10 === 0) continue;
    const u = BigInt((b * 7) % 1000);
    if (b % 2 === 1) s1 += u;
    else s2 += u;
  }
  const blocks = Math.ceil(body / 10);
  const head = `HEAD\tdsrf/1.3/1.4.1/1.3\tBasicAudioProfile\t1.3\t${messageId}\t2024-04-02T10:00:00Z\t1\t1\t2024-03-01\t2024-03-31\tPADPIDA2014050101S\tStreamCo\tPremium\tPADPIDA2018010801Z\tSociety\t`;
  const sy1 = `SY02.03\tS1\t\t\tSubscriptionModel\tOnDemandStream\tFR\tPremium\t${s1}\t123456\tEUR\t1234567.89\t\t\t\t\t\t\t\t\t\t`;
  const sy2 = `SY02.03\tS2\t\t\tAdvertisementSupportedModel\tOnDemandStream\tFR\tFree\t${s2}\t\tEUR\t45678.12\t\t\t\t\t\t\t\t\t\t`;
  const foot = `FOOT\t${lines}\t${lines}\t2\t${blocks}\t${blocks}`;
  const store = await openStore(':memory:');
  try {
    await store.run(`COPY (SELECT CASE
        WHEN i = 0 THEN ${quoteLiteral(head)} WHEN i = 1 THEN ${quoteLiteral(sy1)} WHEN i = 2 THEN ${quoteLiteral(sy2)}
        WHEN i = ${lines - 1} THEN ${quoteLiteral(foot)}
        WHEN (i - 3) % 10 = 0 THEN 'AS02.03' || chr(9) || ((i - 3) // 10) || chr(9) || 'R' || ((i - 3) // 10) || chr(9) || 'D' || ((i - 3) // 10)
          || chr(9) || 'FRXXX' || lpad(CAST(((i - 3) // 10) % 10000000 AS VARCHAR), 7, '0') || chr(9) || 'Title ' || ((i - 3) // 10) || chr(9)
          || chr(9) || 'Artist ' || ((i - 3) // 10 % 997) || chr(9) || chr(9) || 'PT3M' || ((i - 3) % 60) || 'S' || chr(9) || 'SoundRecording'
          || chr(9) || 'T' || lpad(CAST(((i - 3) // 10) % 1000000000 AS VARCHAR), 10, '0') || repeat(chr(9), 6) || 'Writer A|Writer B' || repeat(chr(9), 6)
        ELSE 'SU02.02' || chr(9) || ((i - 3) // 10) || chr(9) || CASE WHEN (i - 3) % 2 = 1 THEN 'S1' ELSE 'S2' END || chr(9) || 'T' || i || chr(9)
          || chr(9) || 'R' || ((i - 3) // 10) || chr(9) || 'true' || chr(9) || (((i - 3) * 7) % 1000) || chr(9) || chr(9) || chr(9) || 'OnDemandStream'
        END AS line FROM range(${lines}) t(i))
      TO ${quoteLiteral(path)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')`);
  } finally {
    store.close();
  }
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

const COLUMNS = `{${Array.from({ length: 48 }, (_, i) => `'c${String(i + 1).padStart(2, '0')}': 'VARCHAR'`).join(', ')}}`;

/** The bench's file names: one report per file, told apart by the creation time in the name (`T10mmss`). */
function benchFileName(index: number): string {
  const time = `10${String(Math.floor(index / 60)).padStart(2, '0')}${String(index % 60).padStart(2, '0')}`;
  return `DSR_PADPIDA2018010801Z_PADPIDA2014050101S_Premium_2024-03_FR_20240402T${time}.tsv`;
}

export async function runDsrIngestBench(options: {
  lines: number;
  dir: string;
  /** Split the lines into this many files (one report each), as a quarter's ingest receives them. */
  files?: number;
  threads?: number;
  memoryLimit?: string;
  /** The ingest's batch (`batchBytes`): bytes of text read and checked together. */
  batchBytes?: number;
}): Promise<DsrIngestBenchResult> {
  mkdirSync(options.dir, { recursive: true });
  const count = Math.max(1, Math.min(3600, Math.floor(options.files ?? 1)));
  const storeOptions = { ...(options.threads ? { threads: options.threads } : {}), ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}) };
  let t = performance.now();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(options.dir, benchFileName(i));
    const lines = Math.floor(options.lines / count) + (i < options.lines % count ? 1 : 0);
    await writeBenchDsr(file, lines, count === 1 ? `BENCH-${lines}` : `BENCH-${options.lines}-${i + 1}`);
    files.push(file);
  }
  const generateSeconds = (performance.now() - t) / 1000;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const fileList = `[${files.map(quoteLiteral).join(', ')}]`;

  const ingestPath = join(options.dir, 'ingest.duckdb');
  const barePath = join(options.dir, 'bare.duckdb');
  for (const p of [ingestPath, barePath]) {
    rmSync(p, { force: true });
    rmSync(`${p}.wal`, { force: true });
  }

  const rss = samplePeakRss(25);
  const ingestStore = await openStore(ingestPath, storeOptions);
  t = performance.now();
  let cpu = process.cpuUsage();
  const result = await ingestDsrFiles(ingestStore, files, {
    codeVersion: 'bench',
    now: () => new Date(),
    ...(options.batchBytes ? { batchBytes: options.batchBytes } : {}),
  });
  await ingestStore.run('CHECKPOINT');
  const seconds = (performance.now() - t) / 1000;
  const cpuSeconds = cpuSince(cpu);
  const usageLines = Number((await ingestStore.one<{ n: bigint }>('SELECT count(*) AS n FROM usage_lines'))?.n ?? 0n);
  ingestStore.close();
  const peak = rss.stop();
  const refused = result.files.find((f) => f.status !== 'ingested');
  if (refused) throw new Error(`bench file was not ingested: ${JSON.stringify(refused)}`);

  const bare = await openStore(barePath, storeOptions);
  t = performance.now();
  cpu = process.cpuUsage();
  await bare.run(`CREATE TABLE t AS SELECT * FROM read_csv(${fileList}, delim = '\t', quote = '', escape = '', header = false,
    auto_detect = false, columns = ${COLUMNS}, null_padding = true)`);
  await bare.run('CHECKPOINT');
  const bareSeconds = (performance.now() - t) / 1000;
  const bareCpuSeconds = cpuSince(cpu);
  t = performance.now();
  await bare.run(`CREATE TABLE t1 AS SELECT * FROM read_csv(${fileList}, delim = '', quote = '', escape = '', header = false,
    auto_detect = false, columns = {'line': 'VARCHAR'})`);
  await bare.run('CHECKPOINT');
  const bareSingle = (performance.now() - t) / 1000;
  bare.close();

  const r = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    lines: options.lines,
    files: count,
    bytes,
    seconds: r(seconds),
    lines_per_s: Math.round(options.lines / seconds),
    bare_seconds: r(bareSeconds),
    ratio: r(seconds / bareSeconds),
    peak_rss_mb: Math.round(peak / 2 ** 20),
    bare_single_column_seconds: r(bareSingle),
    generate_seconds: r(generateSeconds),
    usage_lines: usageLines,
    cpu_seconds: r(cpuSeconds),
    bare_cpu_seconds: r(bareCpuSeconds),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = Number(arg('--lines') ?? 20_000_000);
  const threads = arg('--threads');
  const memoryLimit = arg('--memory-limit');
  const files = arg('--files');
  const batchMb = arg('--batch-mb');
  const result = await runDsrIngestBench({
    ...(batchMb ? { batchBytes: Number(batchMb) * 2 ** 20 } : {}),
    lines,
    ...(files ? { files: Number(files) } : {}),
    dir: arg('--dir') ?? 'bench/data',
    ...(threads ? { threads: Number(threads) } : {}),
    ...(memoryLimit ? { memoryLimit } : {}),
  });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/dsr-ingest.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
