import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { importMandates, parseMandatesJson } from '../../stages/mandates/index.js';
import { action } from '../command.js';

/** `tutti mandates import FILE` and `tutti mandates list`. */
export function registerMandatesCommands(program: Command): void {
  const mandates = program.command('mandates').description('the mandates the society collects under');
  mandates
    .command('import <file>')
    .description('load mandates from a JSON file ({"mandates": [...]}); same id replaces')
    .action(
      action(async (ctx, file: string) => {
        const list = parseMandatesJson(await readFile(file, 'utf8'), file);
        const result = await ctx.withStore((store) =>
          importMandates(store, list, { codeVersion: ctx.codeVersion, now: ctx.now, source: file }),
        );
        ctx.result(
          { file, ...result },
          () => `${file}: ${result.mandates} mandates imported (${result.runId})`,
        );
      }),
    );
  mandates
    .command('list')
    .description('list the mandates')
    .action(
      action(async (ctx) => {
        const rows = await ctx.withStore((store) =>
          store.all<{
            mandate_id: string;
            mandator_name: string;
            right_types: string[];
            territories: string;
            commission_bp: number;
          }>(
            'SELECT mandate_id, mandator_name, right_types, territories, services, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to, commission_bp FROM mandates ORDER BY mandate_id',
          ),
        );
        ctx.result(
          { mandates: rows },
          () =>
            rows
              .map(
                (m) =>
                  `${m.mandate_id}  ${m.mandator_name}  ${m.right_types.join('+')}  ${m.territories}  ${m.commission_bp / 100}%`,
              )
              .join('\n') || 'no mandates',
        );
      }),
    );
}
