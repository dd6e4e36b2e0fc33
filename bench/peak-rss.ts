import { readFileSync } from 'node:fs';
import type { StoreMemory } from '../src/warehouse/index.js';

/** Samples the process's resident set size (DuckDB's memory included: it runs in-process) until stopped. */
export function samplePeakRss(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** One stage's memory, in MiB. */
export interface StageMemory {
  /**
   * The stage's peak resident set: the sampled peak, or the kernel's high-water mark (`VmHWM`) where the
   * stage raised it (exact: a peak between two samples or while the event loop was busy is not missed).
   */
  readonly peak_rss_mb: number;
  /** Resident set at the stage's start and end (what the stage left behind). */
  readonly start_rss_mb: number;
  readonly end_rss_mb: number;
  /** Sampled peaks of Node's heap in use and of memory outside it (Buffers, ArrayBuffers). */
  readonly heap_mb: number;
  readonly external_mb: number;
  /** Sampled peak of DuckDB's buffer pool (`duckdb_memory()`, all tags; what `memory_limit` bounds) and its tags then. */
  readonly duckdb_mb: number;
  readonly duckdb_tags_mb: Readonly<Record<string, number>>;
  /** Sampled peak of what DuckDB had spilled to `<store>.tmp`. */
  readonly duckdb_temp_mb: number;
  /**
   * The largest RSS less DuckDB's pool, Node's heap and external memory, all four read at the same moment:
   * memory nobody accounts for (allocator retention, DuckDB's memory outside its pool, threads' stacks, code).
   */
  readonly other_mb: number;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

function highWaterMark(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Memory per stage: call `start(name)` when a stage starts and `end()` when it ends. Node's heap and RSS are
 * sampled every `intervalMs` on the event loop; DuckDB's pool (`memory()`, on its own connection) every
 * `duckdbEveryMs` while no earlier read is pending. The high-water mark is not reset between stages
 * (`/proc/self/clear_refs` would also reset what `time -v` reports), so it counts for the stage that raised it.
 * Both calls are synchronous: they run from `runQuarter`'s `onStage`.
 */
export function stageMemoryTracker(
  memory: () => Promise<StoreMemory>,
  intervalMs = 50,
  duckdbEveryMs = 500,
): {
  start(stage: string): void;
  end(): void;
  stages: Record<string, StageMemory>;
  /** The peak RSS over every stage tracked. */
  peakRss(): number;
} {
  const stages: Record<string, StageMemory> = {};
  let current: string | undefined;
  let startRss = 0;
  let rss = 0;
  let heap = 0;
  let external = 0;
  let duck: StoreMemory = { bytes: 0, temporaryBytes: 0, tags: {} };
  let temporary = 0;
  let other = 0;
  let startHwm: number | undefined;
  let pending: Promise<void> | undefined;
  let lastDuck = 0;
  // A read still pending when its stage ends must not count for the next stage.
  let generation = 0;
  let overall = 0;

  const readDuck = () => {
    if (pending) return;
    lastDuck = performance.now();
    const asked = generation;
    pending = memory()
      .then((m) => {
        if (asked !== generation) return;
        const usage = process.memoryUsage();
        other = Math.max(other, usage.rss - m.bytes - usage.heapUsed - usage.external - usage.arrayBuffers);
        if (m.bytes > duck.bytes) duck = m;
        temporary = Math.max(temporary, m.temporaryBytes);
      })
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      });
  };
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
    external = Math.max(external, usage.external + usage.arrayBuffers);
    if (current !== undefined && performance.now() - lastDuck >= duckdbEveryMs) readDuck();
  };
  let timer: NodeJS.Timeout | undefined;

  return {
    stages,
    start(stage) {
      current = stage;
      generation++;
      startHwm = highWaterMark();
      startRss = process.memoryUsage.rss();
      rss = startRss;
      heap = external = temporary = other = 0;
      duck = { bytes: 0, temporaryBytes: 0, tags: {} };
      sample();
      timer = setInterval(sample, intervalMs);
    },
    end() {
      if (current === undefined) return;
      clearInterval(timer);
      sample();
      const endRss = process.memoryUsage.rss();
      const hwm = highWaterMark();
      const raised = hwm !== undefined && startHwm !== undefined && hwm > startHwm ? hwm : 0;
      const peak = Math.max(rss, endRss, raised);
      overall = Math.max(overall, peak);
      stages[current] = {
        peak_rss_mb: mib(peak),
        start_rss_mb: mib(startRss),
        end_rss_mb: mib(endRss),
        heap_mb: mib(heap),
        external_mb: mib(external),
        duckdb_mb: mib(duck.bytes),
        duckdb_tags_mb: Object.fromEntries(
          Object.entries(duck.tags)
            .filter(([, bytes]) => bytes >= 2 ** 20)
            .map(([tag, bytes]) => [tag, mib(bytes)]),
        ),
        duckdb_temp_mb: mib(temporary),
        other_mb: Math.max(0, mib(other)),
      };
      current = undefined;
      generation++;
    },
    peakRss: () => overall,
  };
}
