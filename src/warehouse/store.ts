import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { TuttiError } from '../domain/index.js';
import { migrate } from './migrate.js';
import type { SqlStatement } from './sql.js';

/**
 * The warehouse: one DuckDB file (or `:memory:`), migrated on open.
 * One Store is one connection; stages take it as a parameter and never open their own.
 */
export interface Store {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** Runs a statement (or plain text) for its effect. */
  run(statement: SqlStatement | string): Promise<void>;
  /** Runs a query and returns its rows as plain objects (BIGINT/HUGEINT stay bigint). */
  all<T = Record<string, unknown>>(statement: SqlStatement | string): Promise<T[]>;
  /** The first row, or undefined. */
  one<T = Record<string, unknown>>(statement: SqlStatement | string): Promise<T | undefined>;
  /** Runs `work` inside BEGIN/COMMIT; rolls back and rethrows on error. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * What DuckDB's buffer manager holds now (`duckdb_memory()`), read on a second connection so that it can
   * be asked while a statement runs on this one (the bench samples it per stage).
   */
  memory(): Promise<StoreMemory>;
  close(): void;
}

/** DuckDB's own account of its memory: the buffer pool that `memory_limit` bounds, and what spilled. */
export interface StoreMemory {
  /** Bytes in memory, all tags. */
  readonly bytes: number;
  /** Bytes spilled to the temporary directory (`<store>.tmp`). */
  readonly temporaryBytes: number;
  /** Bytes in memory per tag (`BASE_TABLE`, `HASH_TABLE`, `ORDER_BY`, …), the tags that hold any. */
  readonly tags: Readonly<Record<string, number>>;
}

export interface OpenStoreOptions {
  /** Worker threads DuckDB may use; default: all cores. */
  readonly threads?: number;
  /**
   * DuckDB's memory limit (`'1536MB'`, `'4GB'`); beyond it, large joins, sorts and aggregates spill to
   * `<store>.tmp`. Default for a store file: {@link DEFAULT_MEMORY_LIMIT}; `:memory:` stores keep DuckDB's
   * own default (their tables cannot spill).
   */
  readonly memoryLimit?: string;
}

/**
 * Bounds the process whatever the quarter's size (issue 10: peak RSS ≤ 2.5 GiB): DuckDB's own default is
 * 80 % of the machine's memory, which a 2 M-line quarter used to reach 6 GB of.
 */
export const DEFAULT_MEMORY_LIMIT = '1536MB';

export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config['threads'] = String(options.threads);
  const memoryLimit = options.memoryLimit ?? (path === ':memory:' ? undefined : DEFAULT_MEMORY_LIMIT);
  if (memoryLimit !== undefined) config['memory_limit'] = memoryLimit;
  // A stage commits once per file or run; at DuckDB's default 16 MB of WAL, most commits of a large
  // quarter also rewrote the store file (a checkpoint). The WAL is checkpointed at 1 GB and on close.
  config['checkpoint_threshold'] = '1GB';
  // DuckDB allocates through its own jemalloc, whose arenas only give freed pages back to the system when
  // they allocate again: after a big statement (claim's, distribute's), up to 1.4 GB stayed resident with
  // an empty buffer pool, and the next stage's pool came on top of it (a 2 M-line quarter peaked at
  // 2,294 MB RSS for a 1,465 MB pool). jemalloc's background threads purge those pages within seconds
  // (a 500 k-line quarter: peak RSS 1,972 -> 1,723 MB, CPU 40.3 -> 38.3 s; bench/quarter.bench.ts prints
  // each stage's RSS beside DuckDB's pool). The process then peaks near the memory limit + 0.3 GB.
  // Measured and left out: a smaller allocator_flush_threshold (no gain over the background threads),
  // threads = 1 (same peak), MALLOC_ARENA_MAX=2 for the process (-0.1 GB; Node's and DuckDB's C++ heaps
  // are small beside jemalloc's).
  config['allocator_background_threads'] = 'true';
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (cause) {
    throw new TuttiError(
      'STORE',
      `cannot open the store ${path}: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
  const connection = await instance.connect();
  const store = createStore(path, instance, connection);
  await migrate(store);
  return store;
}

function split(statement: SqlStatement | string): [string, DuckDBValue[] | undefined] {
  return typeof statement === 'string' ? [statement, undefined] : [statement.text, statement.values];
}

function createStore(path: string, instance: DuckDBInstance, connection: DuckDBConnection): Store {
  let depth = 0;
  let side: DuckDBConnection | undefined;
  const store: Store = {
    path,
    connection,
    async run(statement) {
      const [text, values] = split(statement);
      await connection.run(text, values);
    },
    async all<T>(statement: SqlStatement | string) {
      const [text, values] = split(statement);
      const reader = await connection.runAndReadAll(text, values);
      return reader.getRowObjectsJS() as T[];
    },
    async one<T>(statement: SqlStatement | string) {
      const rows = await store.all<T>(statement);
      return rows[0];
    },
    async transaction(work) {
      // Nested calls join the outer transaction (DuckDB has no savepoints).
      if (depth > 0) return work();
      depth++;
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await work();
        await connection.run('COMMIT');
        return result;
      } catch (error) {
        await connection.run('ROLLBACK');
        throw error;
      } finally {
        depth--;
      }
    },
    async memory() {
      side ??= await instance.connect();
      const reader = await side.runAndReadAll(
        'SELECT tag, memory_usage_bytes AS bytes, temporary_storage_bytes AS temporary FROM duckdb_memory()',
      );
      const tags: Record<string, number> = {};
      let bytes = 0;
      let temporaryBytes = 0;
      for (const row of reader.getRowObjectsJS() as { tag: string; bytes: bigint; temporary: bigint }[]) {
        bytes += Number(row.bytes);
        temporaryBytes += Number(row.temporary);
        if (row.bytes > 0n) tags[row.tag] = Number(row.bytes);
      }
      return { bytes, temporaryBytes, tags };
    },
    close() {
      side?.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
  return store;
}
