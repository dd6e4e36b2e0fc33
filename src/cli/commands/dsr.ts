import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ingestDsrFiles, validateDsrFiles, type DsrValidation } from '../../stages/dsr/index.js';
import { action } from '../command.js';
import { EXIT } from '../exit-codes.js';

const DSR_FILE = /\.(tsv|txt)(\.gz)?$/i;

/** Files named on the command line; a directory stands for its DSR files (`*.tsv`, `*.tsv.gz`), sorted. */
function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Not found: kept, so the stage reports it with its name.
    }
    if (!isDir) files.push(input);
    else
      files.push(
        ...readdirSync(input)
          .filter((f) => DSR_FILE.test(f))
          .sort()
          .map((f) => join(input, f)),
      );
  }
  return files;
}

function humanValidation(v: DsrValidation): string {
  const head = `${v.file}: ${v.ok ? 'ok' : 'INVALID'} ${v.profile ?? '?'} ${v.profileVersion ?? ''} ${v.service ?? ''} ${v.territory ?? ''} ${v.period ?? ''}${v.part ? ` part ${v.part.x}/${v.part.y}` : ''}`;
  const counts = Object.entries(v.counts)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ');
  const revenue =
    typeof v.revenue === 'string'
      ? v.revenue
      : Object.entries(v.revenue)
          .map(([c, a]) => `${c} ${a}`)
          .join(', ');
  const lines = [head, `  records: ${counts}`, `  usages: ${v.usages}  revenue: ${revenue}`];
  for (const e of v.errors)
    lines.push(`  error ${v.file}${e.line ? `:${e.line}` : ''} [${e.code}] ${e.message}`);
  for (const w of v.warnings)
    lines.push(`  warning ${v.file}${w.line ? `:${w.line}` : ''} [${w.code}] ${w.message}`);
  return lines.join('\n');
}

/** `tutti dsr validate` and `tutti dsr ingest`: DDEX DSR usage reports. */
export function registerDsrCommands(program: Command): void {
  const dsr = program
    .command('dsr')
    .description('DDEX DSR usage reports (flat files, optionally .gz, xofy parts)');
  dsr
    .command('validate')
    .description('check DSR files without storing them; exit 3 when a file has errors')
    .argument('<files...>', 'DSR files or directories')
    .action(
      action(async (ctx, inputs: string[]) => {
        const files = expandInputs(inputs);
        const progress = ctx.progress('dsr validate', files.length);
        const results = await validateDsrFiles(files, { onFile: (_f, i) => progress.update(i) });
        progress.done(`${files.length} file(s)`);
        ctx.result(results.length === 1 ? results[0] : results, () =>
          results.map(humanValidation).join('\n'),
        );
        return results.every((r) => r.ok) ? EXIT.OK : EXIT.REJECTED;
      }),
    );
  dsr
    .command('ingest')
    .description(
      'ingest DSR files into the store (duplicates by SHA-256 are counted once; xofy parts wait for the rest)',
    )
    .argument('<inputs...>', 'DSR files or directories')
    .action(
      action(async (ctx, inputs: string[]) => {
        const files = expandInputs(inputs);
        return ctx.withStore(async (store) => {
          const progress = ctx.progress('dsr ingest', files.length);
          const result = await ingestDsrFiles(store, files, {
            codeVersion: ctx.codeVersion,
            now: ctx.now,
            onProgress: (e) => progress.update(e.index, `${e.step} ${e.file}`),
          });
          progress.done(`${result.totals.files} file(s), ${result.totals.lines.toLocaleString('en')} lines`);
          ctx.result({ files: result.files, totals: result.totals }, () =>
            [
              ...result.files.map(
                (f) =>
                  `${f.file}: ${f.status}${f.report ? ` (${f.report})` : ''} ${f.lines} lines, ${f.quarantined} quarantined${f.reason ? ` — ${f.reason}` : ''}`,
              ),
              `${result.totals.files} file(s): ${result.totals.ingested} ingested, ${result.totals.duplicate} duplicate, ${result.totals.rejected} rejected, ${result.totals.waitingParts} waiting for parts; ${result.totals.lines} lines, ${result.totals.quarantined} quarantined (run ${result.runId})`,
            ].join('\n'),
          );
          return result.totals.rejected > 0 ? EXIT.REJECTED : EXIT.OK;
        });
      }),
    );
}
