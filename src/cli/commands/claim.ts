import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatMicros, micros, TuttiError } from '../../domain/index.js';
import {
  DEFAULT_CLAIM_CONFIG_JSON,
  parseClaimConfig,
  runClaim,
  type ClaimConfig,
} from '../../stages/claim/index.js';
import { action } from '../command.js';
import { EXIT } from '../exit-codes.js';

interface ClaimOptions {
  report?: string;
  period?: string;
  out: string;
  config?: string;
  issueDate?: string;
}

function loadConfig(path: string | undefined): ClaimConfig {
  if (path === undefined) return parseClaimConfig(DEFAULT_CLAIM_CONFIG_JSON);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new TuttiError(
      'USAGE',
      `cannot read the claim config ${path}: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
  try {
    return parseClaimConfig(JSON.parse(text));
  } catch (cause) {
    if (cause instanceof TuttiError)
      throw new TuttiError(cause.code, cause.message, { ...cause.details, file: path }, { cause });
    throw new TuttiError(
      'USAGE',
      `the claim config ${path} is not JSON: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
}

/** `tutti claim`: claim files (CDM, CCID-style) and invoices (JSON, PDF) per complete report. */
export function registerClaimCommands(program: Command): void {
  program
    .command('claim')
    .description(
      'value the society’s claims per report; write CDM and CCID-style claim files and one invoice per licensor',
    )
    .option('--report <id>', 'claim this report only')
    .option('--period <period>', 'claim the complete reports of this period (YYYY-MM, YYYY-Qn, YYYY)')
    .requiredOption('--out <dir>', 'folder for claim files and invoices (one sub-folder per report)')
    .option(
      '--config <file>',
      'tariff/licensing config (JSON); default: 15 %, minimums €0.90/subscriber and €0.0015/stream, 50/50, society 058 SACEM',
    )
    .option(
      '--issue-date <date>',
      'date on invoices and claim files (YYYY-MM-DD); default: the day after each report period',
    )
    .action(
      action(async (ctx, opts: ClaimOptions) => {
        if (opts.report !== undefined && opts.period !== undefined)
          throw new TuttiError('USAGE', 'give --report or --period, not both');
        if (opts.issueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.issueDate)) {
          throw new TuttiError('USAGE', `--issue-date ${opts.issueDate} is not YYYY-MM-DD`, {
            value: opts.issueDate,
          });
        }
        const config = loadConfig(opts.config);
        const progress = ctx.progress('claim');
        const result = await ctx.withStore((store) =>
          runClaim(store, {
            ...(opts.report !== undefined ? { reportIds: [opts.report] } : {}),
            ...(opts.period !== undefined ? { period: opts.period } : {}),
            ...(opts.issueDate !== undefined ? { issueDate: opts.issueDate } : {}),
            outDir: opts.out,
            config,
            codeVersion: ctx.codeVersion,
            now: ctx.now,
            onProgress: (e) => progress.update(e.done, e.report),
          }),
        );
        progress.done();
        const reports = result.reports.map((r) => ({
          report: r.report,
          works_claimed: r.works_claimed,
          amount_by_right: {
            performing: r.amount_by_right.performing,
            mechanical: r.amount_by_right.mechanical,
          },
          held_overclaim: r.held_overclaim,
          files: r.files,
        }));
        const money = (v: bigint) => formatMicros(micros(v), 2).padStart(14);
        ctx.result({ reports, totals: result.totals }, () =>
          [
            ...result.reports.map(
              (r) =>
                `${r.report}  works ${r.works_claimed}  performing ${money(r.amount_by_right.performing)}  mechanical ${money(r.amount_by_right.mechanical)}  held ${money(r.held_overclaim)}  files ${r.files.length}`,
            ),
            `total  performing ${money(result.totals.performing)}  mechanical ${money(result.totals.mechanical)}  held ${money(result.totals.held_overclaim)}  (${result.runId})`,
          ].join('\n'),
        );
        return EXIT.OK;
      }),
    );
}
