import type { Command } from 'commander';
import { runQuarter } from '../../stages/quarter/index.js';
import { action } from '../command.js';
import { formatQuarterSummary } from './quarter-summary.js';

/** `tutti run --period P --in DIR --out DIR [--assume-paid]`: the whole period in one resumable command. */
export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description(
      'run a whole period: ingest new CWR and DSR files from --in, identify, claim, collect, distribute',
    )
    .requiredOption('--period <period>', 'YYYY-MM, YYYY-Qn or YYYY')
    .requiredOption('--in <dir>', 'folder with the CWR, DSR and mandates.json files')
    .requiredOption('--out <dir>', 'folder for claims, invoices and statements')
    .option(
      '--assume-paid',
      'record every open invoice of the period as paid in full (demos, benchmarks)',
      false,
    )
    .option('--no-statement-pdfs', 'write statement CSV and Parquet but no PDF per member')
    .action(
      action(
        async (
          ctx,
          opts: { period: string; in: string; out: string; assumePaid: boolean; statementPdfs: boolean },
        ) => {
          const result = await ctx.withStore((store) =>
            runQuarter(store, {
              period: opts.period,
              inDir: opts.in,
              outDir: opts.out,
              assumePaid: opts.assumePaid,
              statementPdfs: opts.statementPdfs,
              codeVersion: ctx.codeVersion,
              now: ctx.now,
              onStage: (e) => {
                if (e.state === 'start') ctx.info(`${e.stage}…`);
              },
            }),
          );
          ctx.result(result, () => formatQuarterSummary(result));
          return result.conservation && result.conservation['ok'] === false ? 1 : 0;
        },
      ),
    );
}
