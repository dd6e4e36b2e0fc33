import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the numbered `migrations/NNN-name.sql` files not yet applied, in order, each in its own
 * transaction. Migrations are never edited once committed: add a new file instead.
 * Number ranges by area keep parallel work apart: 001-009 core, 010-019 CWR, 020-029 DSR,
 * 030-039 identification, 040-049 claims, 050-059 distribution, 060-069 API and audit.
 */
export async function migrate(store: Store): Promise<string[]> {
  await store.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  );
  const done = new Set(
    (await store.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (done.has(version)) continue;
    const text = readFileSync(MIGRATIONS_DIR + file, 'utf8');
    await store.transaction(async () => {
      await store.connection.run(text);
      await store.connection.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        version,
        file,
      ]);
    });
    applied.push(file);
  }
  return applied;
}
