import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_LIMIT, openStore, type Store } from './store.js';

describe('openStore', () => {
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(() => {
    store?.close();
    store = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('bounds a store file by the default memory limit and keeps an explicit one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tutti-store-'));
    store = await openStore(join(dir, 'a.duckdb'));
    const setting = async () =>
      (await store!.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))?.v;
    expect(DEFAULT_MEMORY_LIMIT).toBe('1536MB');
    expect(await setting()).toBe('1.4 GiB');
    store.close();
    store = await openStore(join(dir, 'b.duckdb'), { memoryLimit: '1GB' });
    expect(await setting()).toBe('953.6 MiB');
  });

  it("has jemalloc's background threads give freed memory back to the system", async () => {
    store = await openStore(':memory:');
    const row = await store.one<{ v: string }>(
      `SELECT current_setting('allocator_background_threads')::VARCHAR AS v`,
    );
    expect(row?.v).toBe('true');
  });

  it("reports DuckDB's buffer pool per tag, the tags summing to the total, even while the store is in a transaction", async () => {
    store = await openStore(':memory:');
    const empty = await store.memory();
    await store.run('CREATE TABLE t AS SELECT range AS i, range::VARCHAR AS s FROM range(300000)');
    await store.transaction(async () => {
      await store!.run('INSERT INTO t VALUES (-1, NULL)');
      const held = await store!.memory();
      expect(held.bytes).toBeGreaterThan(empty.bytes);
      expect(Object.values(held.tags).reduce((a, b) => a + b, 0)).toBe(held.bytes);
      expect(held.temporaryBytes).toBe(0);
    });
  });
});
