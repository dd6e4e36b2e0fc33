import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { micros } from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';
import type { Conservation } from './check-conservation.js';

/** A distribution already issued, as recorded in `distributions`. */
export interface IssuedDistribution {
  readonly distributionId: string;
  readonly seq: number;
  readonly period: string;
  /** ISO date printed on its statements. */
  readonly date: string;
  readonly conservation: Conservation;
}

/** The latest issued distribution of a period (highest seq), or null. */
export async function latestDistributionOf(store: Store, period: string): Promise<IssuedDistribution | null> {
  const row = await store.one<{
    distribution_id: string;
    seq: number;
    period: string;
    date: string;
    collected: bigint;
    paid: bigint;
    remitted: bigint;
    commission: bigint;
    deductions: bigint;
    held: bigint;
  }>(sql`SELECT distribution_id, seq, period, strftime(distribution_date, '%Y-%m-%d') AS date,
      collected, paid, remitted, commission, deductions, held
    FROM distributions WHERE period = ${period} ORDER BY seq DESC LIMIT 1`);
  if (!row) return null;
  const c = {
    collected: micros(row.collected),
    paid: micros(row.paid),
    remitted: micros(row.remitted),
    commission: micros(row.commission),
    deductions: micros(row.deductions),
    held: micros(row.held),
  };
  const ok = c.collected === c.paid + c.remitted + c.commission + c.deductions + c.held;
  return {
    distributionId: row.distribution_id,
    seq: row.seq,
    period: row.period,
    date: row.date,
    conservation: { ...c, ok },
  };
}

/**
 * Whether the run computed in the temp tables changes nothing: no statement line (no new money, no
 * correction, no held money released) and no member balance that moves (nothing paid, nothing carried
 * differently from what was brought forward).
 */
export async function computedRunIsEmpty(store: Store): Promise<boolean> {
  const row = await store.one<{ empty: boolean }>(`SELECT
    NOT EXISTS (SELECT 1 FROM dist_lines) AND NOT EXISTS (SELECT 1 FROM dist_balances WHERE paid <> 0 OR carried <> brought_forward) AS empty`);
  return row?.empty ?? false;
}

/**
 * Replaces the run's temp tables `dist_lines`, `dist_balances` and `dist_remittances` with the rows an
 * issued distribution persisted, so that its summary and its statement files can be produced again
 * exactly as they were (the files are a function of these rows).
 */
export async function loadIssuedIntoTemp(store: Store, distributionId: string): Promise<void> {
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE dist_lines AS SELECT * FROM statement_lines WHERE distribution_id = ${distributionId}`,
  );
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE dist_balances AS SELECT * FROM payee_balances WHERE distribution_id = ${distributionId}`,
  );
  await store.run(
    sql`CREATE OR REPLACE TEMP TABLE dist_remittances AS SELECT * FROM remittances WHERE distribution_id = ${distributionId}`,
  );
}

/** The files under `dir`, relative to it, '/'-separated and sorted (as `writeStatementFiles` lists them). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
