import type { Command } from 'commander';
import { TuttiError } from '../../domain/index.js';
import { createDatasetPlan, writeDataset } from '../../generate/index.js';
import { action } from '../command.js';

interface GenerateFlags {
  readonly out: string;
  readonly works: string;
  readonly services: string;
  readonly territories: string;
  readonly months: string;
  readonly seed: string;
  readonly lines: string;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function integer(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new TuttiError('USAGE', `--${flag} must be a non-negative integer, got "${text}"`);
  return Number(text);
}

/** `tutti generate`: synthetic repertoire, mandates and usage reports with known truth, deterministic for --seed. */
export function registerGenerateCommands(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic dataset with known truth (registrations, mandates, reports, truth.csv)')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--works <n>', 'number of works', '300')
    .option('--services <list>', 'services, comma-separated', 'Spotify,Deezer')
    .option('--territories <list>', 'report territories, ISO alpha-2, comma-separated', 'FR,DE')
    .option('--months <list>', 'report months YYYY-MM, comma-separated', '2024-01')
    .option('--seed <k>', 'random seed (same seed, same dataset)', '1')
    .option('--lines <n>', 'usage lines per report', '500')
    .action(
      action(async (ctx, flags: GenerateFlags) => {
        const plan = createDatasetPlan({
          works: integer('works', flags.works),
          services: list(flags.services),
          territories: list(flags.territories).map((t) => t.toUpperCase()),
          months: list(flags.months),
          seed: integer('seed', flags.seed),
          usageLinesPerReport: integer('lines', flags.lines),
        });
        const progress = ctx.progress('generate: reports', plan.reportPlans.length);
        const written = await writeDataset(plan, flags.out, { onProgress: (done) => progress.update(done) });
        progress.done();
        ctx.result(written, () =>
          [
            `wrote ${written.out}: ${written.works} works, ${written.recordings} recordings, ${written.reports} reports, ${written.usageLines} usage lines`,
            ...written.files.map((f) => `  ${f}`),
          ].join('\n'),
        );
      }),
    );
}
