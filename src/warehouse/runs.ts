import { TuttiError } from '../domain/index.js';
import { sql } from './sql.js';
import type { Store } from './store.js';

export interface RunInput {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface RunStart {
  readonly stage: string;
  readonly params: Record<string, unknown>;
  readonly inputs?: readonly RunInput[];
  readonly codeVersion: string;
  readonly now: Date;
}

export interface RunRecord {
  readonly run_id: string;
  readonly stage: string;
  readonly status: 'running' | 'ok' | 'failed';
  readonly counts: string | null;
  readonly started_at: Date;
  readonly ended_at: Date | null;
}

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Records the start of a stage run and returns its id (`run-<n>`, sequential: no clock or randomness in ids). */
export async function startRun(store: Store, start: RunStart): Promise<string> {
  const row = await store.one<{ next: number }>('SELECT coalesce(max(seq), 0) + 1 AS next FROM runs');
  const seq = row?.next ?? 1;
  const runId = `run-${seq}`;
  await store.run(sql`INSERT INTO runs (run_id, seq, stage, status, params, inputs, code_version, started_at)
    VALUES (${runId}, ${seq}, ${start.stage}, 'running', ${json(start.params)}, ${json(start.inputs ?? [])}, ${start.codeVersion}, ${start.now.toISOString()}::TIMESTAMP)`);
  return runId;
}

/** Closes a run with its counts; a failed run keeps its error text. */
export async function finishRun(
  store: Store,
  runId: string,
  end: { status: 'ok' | 'failed'; counts?: Record<string, unknown>; error?: string; now: Date },
): Promise<void> {
  await store.run(sql`UPDATE runs SET status = ${end.status}, counts = ${json(end.counts ?? {})},
    error = ${end.error ?? null}, ended_at = ${end.now.toISOString()}::TIMESTAMP WHERE run_id = ${runId}`);
}

/**
 * Runs `work` as a recorded stage run: started, then finished ok with its counts or failed with the error.
 * The error is rethrown after it has been recorded.
 */
export async function recordRun<T extends { counts: Record<string, unknown> }>(
  store: Store,
  start: RunStart,
  clock: () => Date,
  work: (runId: string) => Promise<T>,
): Promise<T & { runId: string }> {
  const runId = await startRun(store, start);
  try {
    const result = await work(runId);
    await finishRun(store, runId, { status: 'ok', counts: result.counts, now: clock() });
    return { ...result, runId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(store, runId, { status: 'failed', error: message, now: clock() });
    throw error instanceof TuttiError ? error : new TuttiError('INTERNAL', message, {}, { cause: error });
  }
}

export async function listRuns(store: Store, limit = 50): Promise<RunRecord[]> {
  return store.all<RunRecord>(sql`SELECT run_id, stage, status, counts::VARCHAR AS counts, started_at, ended_at
    FROM runs ORDER BY seq DESC LIMIT ${limit}`);
}
