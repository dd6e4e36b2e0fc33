import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TuttiError, parsePeriod, type Micros } from '../../domain/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';
import { checkConservation, type Conservation } from './check-conservation.js';
import { computeDistribution } from './compute-distribution.js';
import { createDistributionConfig, type DistributionConfig } from './distribution-config.js';
import {
  computedRunIsEmpty,
  latestDistributionOf,
  listFiles,
  loadIssuedIntoTemp,
  type IssuedDistribution,
} from './issued-distribution.js';
import { writeStatementFiles } from './write-statement-files.js';

export interface DistributeOptions {
  /** Cut-off period (`2024-03`, `2024-Q1`): claim lines whose usage ends by its last day. */
  readonly period: string;
  /** Distribution (payment) date, ISO `YYYY-MM-DD`; default the period's last day. Printed on statements. */
  readonly date?: string;
  /** Folder for the statement files; a sub-folder per distribution is created. None: no files. */
  readonly outDir?: string;
  /** Compute, check and report without writing tables or files. */
  readonly dryRun?: boolean;
  readonly config?: Partial<DistributionConfig>;
  /** Name printed on statements. */
  readonly society?: string;
  /** Write a PDF per member (default true). */
  readonly pdf?: boolean;
  readonly codeVersion: string;
  readonly now: () => Date;
  /** Progress: the name of each step as it completes. */
  readonly onProgress?: (step: string) => void;
}

export interface DistributionResult {
  readonly distribution: string;
  readonly period: string;
  readonly date: string;
  readonly dryRun: boolean;
  /**
   * True when nothing changed since the period's latest distribution (no new money, no correction, no
   * balance that moves): that distribution is returned as it was issued and nothing is written
   * (its files are written again only where they are missing).
   */
  readonly unchanged: boolean;
  readonly statements: {
    readonly holders: number;
    readonly lines: number;
    readonly adjustments: number;
    readonly dir: string | null;
    readonly files: readonly string[];
  };
  readonly remittances: readonly {
    readonly payee_kind: string;
    readonly payee: string;
    readonly amount: Micros;
    readonly lines: bigint;
  }[];
  readonly held: {
    readonly change: Micros;
    readonly carried: Micros;
    readonly balances: readonly {
      readonly reason: string;
      readonly amount: Micros;
      readonly held_since: string;
      readonly age_days: number;
      readonly collection_year: number;
    }[];
  };
  readonly conservation: Conservation;
}

const TEMP_TABLES = [
  'dist_params',
  'dist_rates',
  'dist_claims',
  'dist_invoices',
  'dist_line_clear',
  'dist_line_net',
  'dist_shares',
  'dist_party',
  'dist_entitled',
  'dist_lines',
  'dist_balances',
  'dist_remittances',
];

async function dropTemp(store: Store): Promise<void> {
  for (const table of TEMP_TABLES) await store.run(`DROP TABLE IF EXISTS temp.main.${table}`);
}

/**
 * A distribution run (royalties.md §3.1): cash received on invoices → claim lines → commission and
 * deductions → rights holders by share; members paid (or carried below the threshold), sister-society
 * members remitted per society, mandated money remitted whole, the rest held with its age. Issued
 * statement lines are never changed: corrections come as adjustment lines of a later run.
 * Conservation is checked before anything is written; the tables are written in one transaction and
 * the files into a temporary folder renamed into place only after that.
 */
export async function distribute(
  store: Store,
  options: DistributeOptions,
): Promise<DistributionResult & { runId?: string }> {
  const period = parsePeriod(options.period);
  const date = options.date ?? period.end;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new TuttiError('USAGE', `--date must be an ISO date YYYY-MM-DD, got "${date}"`, { value: date });
  }
  const config = createDistributionConfig(options.config);
  const seqRow = await store.one<{ seq: number }>(
    'SELECT (coalesce(max(seq), 0) + 1)::INTEGER AS seq FROM distributions',
  );
  const seq = seqRow?.seq ?? 1;
  const distributionId = `D-${period.text}-${seq}`;
  const dir = options.outDir ? join(options.outDir, distributionId) : null;

  const computeOptions = {
    distributionId,
    period,
    date,
    config,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  try {
    // Re-running a completed period (tutti run after a crash, or twice) must not issue a new, empty
    // distribution: when the computed run changes nothing, the latest one of the period stands.
    await computeDistribution(store, computeOptions);
    const latest = await latestDistributionOf(store, period.text);
    if (latest && (await computedRunIsEmpty(store))) {
      return await unchangedResult(store, latest, {
        ...options,
        dir: options.outDir ? join(options.outDir, latest.distributionId) : null,
      });
    }
    if (dir && !options.dryRun && existsSync(dir)) {
      throw new TuttiError('CONFLICT', `${dir} already exists: choose another --out folder or remove it`, {
        file: dir,
      });
    }

    const work = async (runId: string | null) => {
      const conservation = await checkConservation(store);
      options.onProgress?.('conservation');
      const summary = await summarise(store, date, seq);
      const record = (id: string) =>
        persist(store, {
          distributionId,
          seq,
          period: period.text,
          date,
          runId: id,
          conservation,
          now: options.now(),
        });
      let files: string[] = [];
      if (dir && !options.dryRun && runId) {
        const tmp = `${dir}.tmp`;
        rmSync(tmp, { recursive: true, force: true });
        try {
          files = await writeStatementFiles(
            store,
            tmp,
            {
              society: options.society ?? 'tutti',
              distributionId,
              date,
              period: period.text,
              pdf: options.pdf ?? true,
            },
            options.onProgress,
          );
          options.onProgress?.('files');
          await record(runId);
        } catch (error) {
          rmSync(tmp, { recursive: true, force: true });
          throw error;
        }
        renameSync(tmp, dir);
      } else if (runId) {
        await record(runId);
      }
      const result: DistributionResult = {
        distribution: distributionId,
        period: period.text,
        date,
        dryRun: options.dryRun ?? false,
        unchanged: false,
        statements: { ...summary.statements, dir: options.dryRun ? null : dir, files },
        remittances: summary.remittances,
        held: summary.held,
        conservation,
      };
      return { ...result, counts: { lines: summary.statements.lines, holders: summary.statements.holders } };
    };

    if (options.dryRun) {
      return withoutCounts(await work(null));
    }
    const params = {
      period: period.text,
      date,
      config: { ...config, payoutThreshold: config.payoutThreshold.toString(), step: config.step.toString() },
    };
    return withoutCounts(
      await recordRun(
        store,
        { stage: 'distribute', params, codeVersion: options.codeVersion, now: options.now() },
        options.now,
        work,
      ),
    );
  } finally {
    await dropTemp(store);
  }
}

/**
 * The period's latest distribution as issued: its summary from the persisted rows, its files listed
 * where they are; where its folder is missing (a run that stopped between the commit and the rename,
 * or another --out), the files are written again from the same rows, byte-identical.
 */
async function unchangedResult(
  store: Store,
  latest: IssuedDistribution,
  options: DistributeOptions & { dir: string | null },
): Promise<DistributionResult> {
  await loadIssuedIntoTemp(store, latest.distributionId);
  const summary = await summarise(store, latest.date, latest.seq);
  const dryRun = options.dryRun ?? false;
  let files: string[] = [];
  if (options.dir && !dryRun) {
    if (!existsSync(options.dir)) {
      const tmp = `${options.dir}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      try {
        await writeStatementFiles(store, tmp, {
          society: options.society ?? 'tutti',
          distributionId: latest.distributionId,
          date: latest.date,
          period: latest.period,
          pdf: options.pdf ?? true,
        });
      } catch (error) {
        rmSync(tmp, { recursive: true, force: true });
        throw error;
      }
      renameSync(tmp, options.dir);
    }
    files = listFiles(options.dir);
  }
  return {
    distribution: latest.distributionId,
    period: latest.period,
    date: latest.date,
    dryRun,
    unchanged: true,
    statements: { ...summary.statements, dir: dryRun ? null : options.dir, files },
    remittances: summary.remittances,
    held: summary.held,
    conservation: latest.conservation,
  };
}

/** The run registry's counts are for the run record, not the caller. */
function withoutCounts<T extends { counts: unknown }>(value: T): Omit<T, 'counts'> {
  const copy: Partial<T> = { ...value };
  delete copy.counts;
  return copy as Omit<T, 'counts'>;
}

/** The summary of the run in the temp tables; held ages from the lines of the distributions before `seq` and this one (dated `date`). */
async function summarise(store: Store, date: string, seq: number) {
  const counts = await store.one<{
    lines: bigint;
    holders: bigint;
    adjustments: bigint;
    change: bigint | null;
    carried: bigint | null;
  }>(`SELECT
    (SELECT count(*) FROM dist_lines) AS lines,
    (SELECT count(*) FROM dist_balances) AS holders,
    (SELECT count(*) FROM dist_lines WHERE line_kind = 'adjustment') AS adjustments,
    (SELECT sum(net) FROM dist_lines WHERE payee_kind = 'held')::HUGEINT AS change,
    (SELECT sum(carried) - sum(brought_forward) FROM dist_balances)::HUGEINT AS carried`);
  const remittances = await store.all<{ payee_kind: string; payee: string; amount: Micros; lines: bigint }>(
    'SELECT payee_kind, payee, amount, lines FROM dist_remittances ORDER BY payee_kind, payee',
  );
  const balances = await store.all<{
    reason: string;
    amount: Micros;
    held_since: string;
    age_days: number;
    collection_year: number;
  }>(sql`
    SELECT reason, sum(net)::HUGEINT AS amount, strftime(min(since), '%Y-%m-%d') AS held_since,
      date_diff('day', min(since), ${date}::DATE)::INTEGER AS age_days, year(min(since))::INTEGER AS collection_year
    FROM (SELECT s.reason, s.net, d.distribution_date AS since FROM statement_lines s JOIN distributions d USING (distribution_id)
          WHERE s.payee_kind = 'held' AND d.seq < ${seq}
          UNION ALL SELECT reason, net, ${date}::DATE FROM dist_lines WHERE payee_kind = 'held')
    GROUP BY reason HAVING sum(net) <> 0 ORDER BY reason`);
  const c = counts ?? { lines: 0n, holders: 0n, adjustments: 0n, change: 0n, carried: 0n };
  return {
    statements: { holders: Number(c.holders), lines: Number(c.lines), adjustments: Number(c.adjustments) },
    remittances,
    held: {
      change: ((c.change ?? 0n) + (c.carried ?? 0n)) as Micros,
      carried: (c.carried ?? 0n) as Micros,
      balances,
    },
  };
}

async function persist(
  store: Store,
  d: {
    distributionId: string;
    seq: number;
    period: string;
    date: string;
    runId: string;
    conservation: Conservation;
    now: Date;
  },
): Promise<void> {
  const c = d.conservation;
  await store.transaction(async () => {
    await store.run(sql`INSERT INTO distributions (distribution_id, seq, period, status, collected, paid, remitted, commission, deductions, held, run_id, created_at, distribution_date)
      VALUES (${d.distributionId}, ${d.seq}, ${d.period}, 'issued', ${c.collected}, ${c.paid}, ${c.remitted}, ${c.commission}, ${c.deductions}, ${c.held},
              ${d.runId}, ${d.now.toISOString()}::TIMESTAMP, ${d.date}::DATE)`);
    await store.run('INSERT INTO statement_lines BY NAME SELECT * FROM dist_lines');
    await store.run('INSERT INTO remittances BY NAME SELECT * FROM dist_remittances');
    await store.run('INSERT INTO payee_balances BY NAME SELECT * FROM dist_balances');
  });
}
