import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { seedDemoAccounts } from '../../api/index.js';
import { writeDataset, generateDataset } from '../../generate/index.js';
import { runQuarter } from '../../stages/quarter/index.js';
import { openStore } from '../../warehouse/index.js';
import { action } from '../command.js';
import { formatQuarterSummary } from './quarter-summary.js';

/** `tutti demo [--dir DIR]`: a small generated quarter, end to end, on a fresh store in DIR. */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('generate a small dataset and run every stage on it (no server, no network)')
    .option('--dir <dir>', 'working folder (in/, out/ and tutti.duckdb are recreated)', 'tutti-demo')
    .option('--seed <n>', 'generator seed', '1')
    .action(
      action(async (ctx, opts: { dir: string; seed: string }) => {
        const dir = resolve(opts.dir);
        const inDir = join(dir, 'in');
        const outDir = join(dir, 'out');
        const db = join(dir, 'tutti.duckdb');
        for (const path of [inDir, outDir, db, `${db}.wal`]) await rm(path, { recursive: true, force: true });

        ctx.info(`generating a small quarter in ${inDir}…`);
        const dataset = generateDataset({
          works: 400,
          services: ['Spotify', 'Deezer'],
          territories: ['FR', 'DE'],
          months: ['2024-01', '2024-02', '2024-03'],
          seed: Number(opts.seed),
          usageLinesPerReport: 400,
        });
        const generated = await writeDataset(dataset, inDir);

        const store = await openStore(
          db,
          ctx.memoryLimit === undefined ? {} : { memoryLimit: ctx.memoryLimit },
        );
        try {
          const result = await runQuarter(store, {
            period: '2024-Q1',
            inDir,
            outDir,
            assumePaid: true,
            codeVersion: ctx.codeVersion,
            now: ctx.now,
            onStage: (e) => {
              if (e.state === 'start') ctx.info(`${e.stage}…`);
            },
          });
          const accounts = await seedDemoAccounts(store, ctx.now);
          const counts = await store.one<Record<string, bigint>>(`SELECT
            (SELECT count(*) FROM works) AS works, (SELECT count(*) FROM parties) AS parties,
            (SELECT count(*) FROM recordings) AS recordings, (SELECT count(*) FROM reports) AS reports,
            (SELECT count(*) FROM usage_lines) AS usage_lines, (SELECT count(*) FROM quarantine) AS quarantined`);
          const serve = `tutti serve --db ${db} --port 8080`;
          ctx.result(
            {
              dir,
              db,
              generated: {
                works: generated.works,
                reports: generated.reports,
                usageLines: generated.usageLines,
              },
              warehouse: counts,
              ...result,
              api: { serve, accounts },
            },
            () =>
              [
                `tutti demo — ${dir}`,
                `  generated ${generated.works} works, ${generated.reports} reports, ${generated.usageLines} usage lines (truth in ${join(inDir, 'truth.csv')})`,
                `  warehouse ${db}: ${Object.entries(counts ?? {})
                  .map(([k, v]) => `${String(v)} ${k}`)
                  .join(', ')}`,
                formatQuarterSummary(result),
                `  open the API and the portal on this data: npx ${serve}  then http://127.0.0.1:8080/`,
                ...accounts.map((a) => `    ${a.role.padEnd(8)} key ${a.token}`),
              ].join('\n'),
          );
          return result.conservation && result.conservation['ok'] === false ? 1 : 0;
        } finally {
          store.close();
        }
      }),
    );
}
