import { TuttiError } from '../domain/index.js';
import { sql, type Store } from '../warehouse/index.js';

const present = new WeakMap<Store, Set<string>>();

/**
 * Refuses with 503 when a stage's tables are not in this store yet (claims: migration 040,
 * distribution: 050), instead of a SQL error. Presence is remembered: tables are never dropped.
 */
export async function requireTables(store: Store, tables: readonly string[], stage: string): Promise<void> {
  let known = present.get(store);
  if (!known) {
    known = new Set();
    present.set(store, known);
  }
  for (const table of tables) {
    if (known.has(table)) continue;
    const row = await store.one(sql`SELECT 1 FROM information_schema.tables WHERE table_name = ${table}`);
    if (!row) throw new TuttiError('UNAVAILABLE', `the ${stage} stage is not installed in this store (no ${table} table): run it first`, { value: table });
    known.add(table);
  }
}
