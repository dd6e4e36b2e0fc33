/**
 * CWR parse benchmark (issue 3): writes a ~100 MB CWR 2.2 file into git-ignored `bench/data/` with
 * `formatCwrLines`, then runs `validateCwr` over it (read, decode, parse, group, every edit) on one core
 * and prints MB/s and the peak RSS (sampled every 20 ms). Saves `bench/results/cwr-parse.json`.
 *
 * Usage: `npm run build && node dist/bench/cwr-parse.bench.js [--mb 100]`.
 */
import { createReadStream, createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ipiNameNumberFromNumber,
  iswcFromNumber,
  type OwnershipShares,
  type WorkRegistration,
} from '../src/domain/index.js';
import { formatCwrLines, readCwr, validateCwr } from '../src/formats/cwr/index.js';

export interface CwrParseBenchResult {
  readonly bytes: number;
  readonly works: number;
  /** `readCwr` alone: bytes to typed records with line numbers, grouped in transactions. */
  readonly parse_seconds: number;
  readonly parse_mb_per_s: number;
  /** `validateCwr`: parse plus every edit and the mapping of each transaction to a registration. */
  readonly seconds: number;
  readonly mb_per_s: number;
  /**
   * `validateCwr` per second of CPU time (user + system, GC threads included): on a shared machine
   * wall-clock figures measure the neighbours; this one is a lower bound of the one-core speed.
   */
  readonly cpu_seconds: number;
  readonly mb_per_cpu_s: number;
  readonly peak_rss_mb: number;
  readonly rss_before_mb: number;
  readonly transactions: number;
  readonly errors: number;
  readonly warnings: number;
}

const own = (performing: number, mechanical: number) =>
  ({ performing, mechanical, sync: mechanical }) as OwnershipShares;

/** A plausible registration: two chains of publishers, three writers, two recordings, alternate titles. */
function benchWork(n: number): WorkRegistration {
  const world = [{ include: true, tis: '2136' }];
  return {
    submitterWorkId: `B${String(n).padStart(10, '0')}`,
    title: `BENCH WORK NUMBER ${n}`,
    iswc: iswcFromNumber(n),
    language: 'FR',
    durationS: 180 + (n % 120),
    alternateTitles: [{ title: `ALTERNATE ${n}`, titleType: 'AT' }],
    versionType: 'ORI',
    distributionCategory: 'POP',
    publishers: [1, 2].map((chain) => ({
      chain,
      ipNumber: `P${chain}`,
      name: `PUBLISHER ${chain}`,
      ipiNameNumber: ipiNameNumberFromNumber(1000 + chain),
      role: 'E',
      controlled: chain === 1,
      prSociety: '058',
      mrSociety: '058',
      ownership: own(2500, 5000),
      collection: [{ territories: world, shares: own(2500, 5000) }],
    })),
    writers: [1, 2, 3].map((i) => ({
      ipNumber: `W${i}`,
      lastName: `WRITER ${(n * 3 + i) % 5000}`,
      firstName: 'ANNE',
      ipiNameNumber: ipiNameNumberFromNumber(((n * 3 + i) % 999999) + 1),
      role: i === 3 ? 'A' : 'C',
      controlled: i === 1,
      prSociety: '058',
      ownership: own(i === 3 ? 1666 : 1667, 0),
      collection: i === 1 ? [{ territories: world, shares: own(1667, 0) }] : [],
      ...(i === 1 ? { publisherChain: 1 } : {}),
    })),
    performers: [`ARTIST ${n % 777}`],
    recordings: [1, 2].map((r) => ({
      isrc: `FRZ03${String(24 + r).padStart(2, '0')}${String(n % 100000).padStart(5, '0')}`,
      title: `BENCH WORK NUMBER ${n}`,
      displayArtist: `ARTIST ${n % 777}`,
      durationS: 200,
    })),
  };
}

/** Writes works until the file holds about `bytes`; returns the number of works. */
export async function writeBenchCwr(path: string, bytes: number): Promise<number> {
  // ~2.75 KB per work in 2.2 (two 540-character RECs among 17 records).
  const works = Math.max(1, Math.round(bytes / 2750));
  const out = createWriteStream(path);
  function* registrations() {
    for (let n = 1; n <= works; n++) yield benchWork(n);
  }
  let buffer: string[] = [];
  for (const line of formatCwrLines(registrations(), {
    version: '2.2',
    senderType: 'PB',
    senderId: ipiNameNumberFromNumber(2501650),
    senderName: 'BENCH',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  })) {
    buffer.push(line);
    if (buffer.length >= 5000) {
      if (!out.write(`${buffer.join('\r\n')}\r\n`)) await once(out, 'drain');
      buffer = [];
    }
  }
  out.end(`${buffer.join('\r\n')}\r\n`);
  await once(out, 'finish');
  return works;
}

export async function runCwrParseBench(mb: number, dataDir = 'bench/data'): Promise<CwrParseBenchResult> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `cwr-parse-${mb}mb.V22`);
  const works = await writeBenchCwr(path, mb * 1_000_000);
  const bytes = statSync(path).size;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let start = performance.now();
  let records = 0;
  for await (const batch of readCwr(createReadStream(path, { highWaterMark: 1 << 20 }), { fileName: path })) {
    for (const item of batch) if (item.kind === 'transaction') records += item.transaction.records.length;
  }
  const parseSeconds = (performance.now() - start) / 1000;
  if (records === 0) throw new Error('the benchmark file has no records');
  start = performance.now();
  const cpu = process.cpuUsage();
  const summary = await validateCwr(createReadStream(path, { highWaterMark: 1 << 20 }), { fileName: path });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    bytes,
    works,
    parse_seconds: parseSeconds,
    parse_mb_per_s: bytes / 1_000_000 / parseSeconds,
    seconds,
    mb_per_s: bytes / 1_000_000 / seconds,
    cpu_seconds: cpuSeconds,
    mb_per_cpu_s: bytes / 1_000_000 / cpuSeconds,
    peak_rss_mb: peak / 2 ** 20,
    rss_before_mb: rssBefore / 2 ** 20,
    transactions: summary.transactions,
    errors: summary.errorCount,
    warnings: summary.warningCount,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--mb');
  const mb = at > 0 ? Number(process.argv[at + 1]) : 100;
  const result = await runCwrParseBench(mb);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/cwr-parse.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `cwr-parse: ${(result.bytes / 1e6).toFixed(1)} MB, ${result.transactions} transactions; parse ${result.parse_seconds.toFixed(2)} s = ${result.parse_mb_per_s.toFixed(1)} MB/s; ` +
      `validate ${result.seconds.toFixed(2)} s = ${result.mb_per_s.toFixed(1)} MB/s ` +
      `(${result.mb_per_cpu_s.toFixed(1)} MB per CPU second); ` +
      `peak RSS ${result.peak_rss_mb.toFixed(0)} MB (before ${result.rss_before_mb.toFixed(0)} MB); ${result.errors} errors, ${result.warnings} warnings\n`,
  );
}
