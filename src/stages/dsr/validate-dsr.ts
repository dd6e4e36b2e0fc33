import { formatMicros, type Micros } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import type { DsrFileAnalysis } from './analyse-dsr-file.js';
import { analyseDsrFiles } from './analyse-dsr-file.js';
import { DSR_BATCH_BYTES, planDsrBatches } from './ingest-dsr.js';
import type { DsrIssue } from './dsr-issue.js';
import { dropDsrTemp } from './load-dsr-lines.js';

/** The `tutti dsr validate` result of one file (the issue's JSON contract). */
export interface DsrValidation {
  readonly file: string;
  readonly ok: boolean;
  readonly profile: string | null;
  readonly profileVersion: string | null;
  readonly service: string | null;
  readonly territory: string | null;
  readonly period: string | null;
  readonly part: { readonly x: number; readonly y: number } | null;
  readonly counts: Record<string, number>;
  /** Σ usage counts, as a number string. */
  readonly usages: string;
  /** Σ summary NetRevenue as a decimal string; `{currency: amount}` when the report has several currencies. */
  readonly revenue: string | Record<string, string>;
  readonly errors: readonly DsrIssue[];
  readonly warnings: readonly DsrIssue[];
}

/** Decimal text of micro-units without trailing zeros beyond 2 decimals (`1234.5` → `1234.50`). */
export function formatAmount(value: Micros): string {
  return formatMicros(value).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** The validation object of an analysed file. */
export function toValidation(a: DsrFileAnalysis): DsrValidation {
  const revenue =
    a.revenue.size <= 1
      ? formatAmount(([...a.revenue.values()][0] ?? 0n) as Micros)
      : Object.fromEntries([...a.revenue].sort(([x], [y]) => x.localeCompare(y)).map(([c, v]) => [c || '?', formatAmount(v)]));
  return {
    file: a.file,
    ok: a.issues.errors.length === 0,
    profile: a.header?.profile ?? null,
    profileVersion: a.header?.profileVersion ?? null,
    service: a.header ? a.header.serviceDescription || a.fileName?.serviceDescription || null : null,
    territory: a.territory,
    period: a.period,
    part: a.part,
    counts: a.counts,
    usages: a.usages.toString(),
    revenue,
    errors: a.issues.errors,
    warnings: a.issues.warnings,
  };
}

/**
 * Validates DSR files without touching the warehouse: the files are read in batches by the same bulk
 * path as the ingest, on a private in-memory DuckDB (or on `store` when given), and checked.
 */
export async function validateDsrFiles(
  files: readonly string[],
  options: { store?: Store; onFile?: (file: string, index: number) => void } = {},
): Promise<DsrValidation[]> {
  const store = options.store ?? (await openStore(':memory:'));
  try {
    const results: DsrValidation[] = [];
    for (const batch of planDsrBatches(files, DSR_BATCH_BYTES)) {
      for (const i of batch) options.onFile?.(files[i] ?? '', i);
      for (const a of await analyseDsrFiles(store, batch.map((i) => files[i] ?? ''))) results.push(toValidation(a));
      await dropDsrTemp(store);
    }
    return results;
  } finally {
    if (!options.store) store.close();
  }
}
