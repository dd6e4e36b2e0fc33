import type { Command } from 'commander';
import { listRuns } from '../../warehouse/index.js';
import { action } from '../command.js';

/** `tutti runs`: the run registry, newest first. */
export function registerRunsCommands(program: Command): void {
  program
    .command('runs')
    .description('list recorded stage runs, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(
      action(async (ctx, opts: { limit: string }) => {
        const runs = await ctx.withStore((store) => listRuns(store, Number(opts.limit)));
        ctx.result({ runs }, () =>
          runs
            .map((r) => `${r.run_id.padEnd(8)} ${r.stage.padEnd(14)} ${r.status.padEnd(8)} ${r.counts ?? ''}`)
            .join('\n'),
        );
      }),
    );
}
