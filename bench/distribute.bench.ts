import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distribute } from '../src/stages/distribute/index.js';
import { openStore, type Store } from '../src/warehouse/index.js';

/**
 * Distribution at scale: N claim lines' worth of identified, fully paid money (3 rights holders per
 * line, members and sister-society members), built in DuckDB with range(); then the distribution run
 * (cash → lines → commission/deductions/net → holders, every level by exact largest remainder, deltas
 * against issued lines, balances, remittances, conservation check, persisted statement lines), and in
 * the same process a bare DuckDB query doing the same joins and integer sums without the exact
 * remainder hand-out. Files (CSV/Parquet/PDF) are not written: this measures the money path.
 */
export interface DistributeBenchResult {
  readonly lines: number;
  readonly statement_lines: number;
  readonly seconds: number;
  readonly statement_lines_per_s: number;
  readonly bare_seconds: number;
  readonly ratio: number;
  readonly peak_rss_mb: number;
  readonly build_seconds: number;
  readonly threads: number;
  readonly conservation_ok: boolean;
  readonly step_seconds: Readonly<Record<string, number>>;
}

const LINES_PER_INVOICE = 10_000;

/** Builds the bench data set: `lines` claim lines, 3 holders each, paid to the cent. */
export async function seedDistributeBench(store: Store, lines: number): Promise<void> {
  const invoices = Math.max(1, Math.ceil(lines / LINES_PER_INVOICE));
  await store.run(`INSERT INTO parties (party_id, kind, name, pr_society, mr_society, is_member)
    SELECT 'P' || lpad(i::VARCHAR, 6, '0'), 'writer', 'Writer ' || i, CASE WHEN i % 10 = 0 THEN '052' ELSE '058' END,
      CASE WHEN i % 10 = 0 THEN '052' ELSE '058' END, i % 10 <> 0 FROM range(5000) t(i)`);
  await store.run(
    `INSERT INTO works (work_id, title, iswc) SELECT 'W' || lpad(i::VARCHAR, 7, '0'), 'Work ' || i, NULL FROM range(100000) t(i)`,
  );
  await store.run(`INSERT INTO invoices SELECT 'INV' || i, 'R' || i, 'society', 'SOC', 'EUR', 0, 0, 0, 0, 'bench.cdm', 'issued', 'claim-run'
    FROM range(${invoices}) t(i)`);
  // Claimed amounts from 0.01 to about 50.00 with odd micro-units so that every split has remainders.
  await store.run(`INSERT INTO claim_lines SELECT 'CL' || i, 'INV' || (i // ${LINES_PER_INVOICE}), 'R' || (i // ${LINES_PER_INVOICE}), 'S1', 'B1',
      'RES' || i, NULL, 'W' || lpad((i % 100000)::VARCHAR, 7, '0'), CASE WHEN i % 2 = 0 THEN 'performing' ELSE 'mechanical' END,
      'society', NULL, 'Spotify Premium', 'SubscriptionModel', 'FR', DATE '2024-03-01', DATE '2024-03-31', 1 + i % 1000,
      (10000 + (i * 7919) % 50000000)::HUGEINT, 10000, (10000 + (i * 7919) % 50000000)::HUGEINT, 0, 'claim-run'
    FROM range(${lines}) t(i)`);
  await store.run(`INSERT INTO claim_shares SELECT 'CL' || i, 'P' || lpad(((i * 3 + k) % 5000)::VARCHAR, 6, '0'),
      (['A', 'C', 'E'])[k + 1], ([3333, 3333, 3334])[k + 1] FROM range(${lines}) t(i), range(3) s(k)`);
  await store.run(`UPDATE invoices SET amount = c.total, performing = c.total FROM
      (SELECT invoice_id, sum(claimed_amount) AS total FROM claim_lines GROUP BY 1) c WHERE invoices.invoice_id = c.invoice_id`);
  // Services pay in cents: the invoice amount rounded down to the cent.
  await store.run(`INSERT INTO payments SELECT 'pay-' || row_number() OVER (ORDER BY invoice_id), invoice_id, amount // 10000 * 10000, DATE '2024-05-20', 'collect'
    FROM invoices`);
}

/** The same joins and integer sums, one row per statement line, floor division only (no remainder hand-out). */
const BARE = `CREATE OR REPLACE TEMP TABLE bare_lines AS
  WITH cash AS (SELECT invoice_id, sum(amount) AS cash FROM payments GROUP BY 1),
  claimed AS (SELECT invoice_id, sum(claimed_amount) AS claimed FROM claim_lines GROUP BY 1),
  line AS (SELECT c.*, cash.cash * c.claimed_amount // claimed.claimed AS gross FROM claim_lines c JOIN cash USING (invoice_id) JOIN claimed USING (invoice_id))
  SELECT s.party_id, p.name, p.is_member, w.iswc, w.title, s.role, s.share, line.right_type, line.service, line.territory, line.usages,
    line.gross * s.share // 10000 AS gross, line.gross * s.share // 10000 * 1300 // 10000 AS commission,
    line.gross * s.share // 10000 * 8600 // 10000 AS net
  FROM line JOIN claim_shares s USING (claim_id) JOIN parties p USING (party_id) JOIN works w USING (work_id)`;

export async function runDistributeBench(lines: number, dbPath: string): Promise<DistributeBenchResult> {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  const store = await openStore(dbPath);
  try {
    const threads = Number(
      (await store.one<{ t: bigint }>(`SELECT current_setting('threads') AS t`))?.t ?? 0,
    );
    const t0 = performance.now();
    await seedDistributeBench(store, lines);
    await store.run('CHECKPOINT');
    const t1 = performance.now();
    let last = performance.now();
    const steps: Record<string, number> = {};
    const onProgress = (step: string) => {
      const now = performance.now();
      steps[step] = Number(((now - last) / 1000).toFixed(2));
      last = now;
    };
    const result = await distribute(store, {
      period: '2024-03',
      date: '2024-07-05',
      codeVersion: 'bench',
      now: () => new Date('2024-07-05T00:00:00Z'),
      onProgress,
    });
    const t2 = performance.now();
    await store.run(BARE);
    const t3 = performance.now();
    const seconds = (t2 - t1) / 1000;
    const bare = (t3 - t2) / 1000;
    return {
      lines,
      statement_lines: result.statements.lines,
      seconds: Number(seconds.toFixed(2)),
      statement_lines_per_s: Math.round(result.statements.lines / seconds),
      bare_seconds: Number(bare.toFixed(2)),
      ratio: Number((seconds / bare).toFixed(1)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      build_seconds: Number(((t1 - t0) / 1000).toFixed(2)),
      threads,
      conservation_ok: result.conservation.ok,
      step_seconds: steps,
    };
  } finally {
    store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${join('dist', 'bench')}`) ? join(here, '..', '..') : join(here, '..');
  mkdirSync(join(root, 'bench', 'data'), { recursive: true });
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const result = await runDistributeBench(lines, join(root, 'bench', 'data', 'distribute.duckdb'));
  writeFileSync(join(root, 'bench', 'results', 'distribute.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
