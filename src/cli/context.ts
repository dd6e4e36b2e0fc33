import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../warehouse/index.js';
import { createProgress, type Progress } from './progress.js';

/** The package version, recorded with every run (found by walking up from this file: src/ or dist/src/). */
export const CODE_VERSION: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
})();

/** Global flags, read once at the edge and passed down frozen. */
export interface GlobalOptions {
  readonly db: string;
  readonly json: boolean;
  readonly debug: boolean;
  /** DuckDB memory limit for the store (`--memory-limit`, `TUTTI_MEMORY_LIMIT`); else the store's default. */
  readonly memoryLimit?: string;
}

/** What every command gets: the flags, the store, the clock, and the ways to speak. */
export interface CliContext extends GlobalOptions {
  readonly codeVersion: string;
  readonly now: () => Date;
  withStore<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** The summary: with --json exactly one JSON document on stdout, else the human text. */
  result(value: unknown, human: () => string): void;
  /** A diagnostic line on stderr (never on stdout). */
  info(line: string): void;
  progress(label: string, total?: number): Progress;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export function createCliContext(options: GlobalOptions): CliContext {
  return Object.freeze({
    ...options,
    codeVersion: CODE_VERSION,
    now: () => new Date(),
    async withStore<T>(work: (store: Store) => Promise<T>) {
      const store = await openStore(
        options.db,
        options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit },
      );
      try {
        return await work(store);
      } finally {
        store.close();
      }
    },
    result(value: unknown, human: () => string) {
      process.stdout.write(options.json ? `${toJson(value)}\n` : `${human()}\n`);
    },
    info(line: string) {
      if (!options.json) process.stderr.write(`${line}\n`);
    },
    progress(label: string, total?: number) {
      return createProgress(label, total, !options.json);
    },
  });
}
