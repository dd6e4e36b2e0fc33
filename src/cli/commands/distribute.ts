import type { Command } from 'commander';
import { TuttiError, formatMicros, micros, parseMicros, type Micros } from '../../domain/index.js';
import { loadPaymentsFile, recordPayment } from '../../stages/collect/index.js';
import { distribute, type DistributionConfig } from '../../stages/distribute/index.js';
import { action } from '../command.js';
import { EXIT } from '../exit-codes.js';

const money = (value: Micros) => formatMicros(value, 6);

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new TuttiError('USAGE', `${flag} takes a whole number, got "${text}"`, { field: flag });
  return Number(text);
}

interface DistributeFlags {
  period: string;
  date?: string;
  out?: string;
  dryRun?: boolean;
  commissionBp?: string;
  deductionBp?: string;
  threshold?: string;
  step?: string;
  society?: string;
  heldLimitDays?: string;
  heldAtLimit?: string;
  pdf: boolean;
}

/** `tutti collect` (money received against invoices) and `tutti distribute` (a distribution run). */
export function registerDistributeCommands(program: Command): void {
  program
    .command('collect')
    .description('record money received against an invoice (full, partial or late), or a payments file')
    .option('--invoice <id>', 'the invoice paid')
    .option('--amount <decimal>', 'amount received, in currency units (e.g. 1125.50)')
    .option('--date <YYYY-MM-DD>', 'date received (default: today)')
    .option('--file <payments.csv>', 'a payments file: invoice_id,amount,received_on')
    .action(
      action(async (ctx, opts: { invoice?: string; amount?: string; date?: string; file?: string }) => {
        const run = { codeVersion: ctx.codeVersion, now: ctx.now };
        if (opts.file) {
          if (opts.invoice || opts.amount)
            throw new TuttiError('USAGE', 'give either --file or --invoice with --amount, not both');
          const file = opts.file;
          const result = await ctx.withStore((store) => loadPaymentsFile(store, file, run));
          for (const r of result.rejects)
            ctx.info(`${file}:${r.line}: ${r.reason} [${r.code}] (quarantined)`);
          ctx.result(result, () =>
            result.alreadyLoaded
              ? `${file} was already loaded (sha256 ${result.sha256.slice(0, 12)}…): nothing counted twice`
              : `${result.payments} payment(s), ${money(result.amount)} recorded; ${result.rejects.length} line(s) quarantined`,
          );
          return result.rejects.length > 0 ? EXIT.REJECTED : EXIT.OK;
        }
        if (!opts.invoice || !opts.amount)
          throw new TuttiError('USAGE', 'collect needs --invoice and --amount (or --file)');
        const payment = {
          invoiceId: opts.invoice,
          amount: parseMicros(opts.amount),
          receivedOn: opts.date ?? ctx.now().toISOString().slice(0, 10),
        };
        const result = await ctx.withStore((store) => recordPayment(store, payment, run));
        ctx.result(
          result,
          () =>
            `${result.paymentId}: ${money(payment.amount)} on ${result.invoiceId}; paid ${money(result.paidToDate)} of ${money(result.invoiced)}, ` +
            `outstanding ${money(result.outstanding)} (${result.status})`,
        );
        return EXIT.OK;
      }),
    );

  program
    .command('distribute')
    .description(
      'a distribution run over the money collected up to a period: statements, remittances, held money',
    )
    .requiredOption('--period <period>', 'cut-off period: YYYY-MM, YYYY-Qn or YYYY')
    .option(
      '--date <YYYY-MM-DD>',
      'distribution (payment) date printed on statements (default: the period end)',
    )
    .option('--out <dir>', 'folder for the statement files (required unless --dry-run)')
    .option('--dry-run', 'compute, check and print without writing tables or files', false)
    .option('--commission-bp <n>', 'management commission, basis points of gross (default 1300 = 13 %)')
    .option('--deduction-bp <n>', 'social/cultural deduction, basis points of gross (default 100 = 1 %)')
    .option('--threshold <decimal>', 'payout threshold in currency units (default 1.00)')
    .option('--step <micros>', 'rounding step in micro-units (default 10000 = cents)')
    .option('--held-limit-days <n>', "days an unknown party's share stays held (default 1095)")
    .option(
      '--held-at-limit <rule>',
      "at the limit: redistribute (to the line's other holders) or keep",
      'redistribute',
    )
    .option('--society <name>', 'name printed on statements', 'tutti')
    .option('--no-pdf', 'skip the PDF statements')
    .action(
      action(async (ctx, opts: DistributeFlags) => {
        if (!opts.out && !opts.dryRun)
          throw new TuttiError('USAGE', 'distribute needs --out DIR for the statement files (or --dry-run)');
        const config: { -readonly [K in keyof DistributionConfig]?: DistributionConfig[K] } = {};
        const commission = wholeNumber(opts.commissionBp, '--commission-bp');
        const deduction = wholeNumber(opts.deductionBp, '--deduction-bp');
        const step = wholeNumber(opts.step, '--step');
        if (commission !== undefined) config.commissionBp = commission;
        if (deduction !== undefined) config.deductionBp = deduction;
        if (step !== undefined) config.step = BigInt(step);
        if (opts.threshold !== undefined) config.payoutThreshold = parseMicros(opts.threshold);
        const limit = wholeNumber(opts.heldLimitDays, '--held-limit-days');
        if (limit !== undefined) config.heldLimitDays = limit;
        if (opts.heldAtLimit !== undefined) {
          if (opts.heldAtLimit !== 'redistribute' && opts.heldAtLimit !== 'keep') {
            throw new TuttiError(
              'USAGE',
              `--held-at-limit is redistribute or keep, got "${opts.heldAtLimit}"`,
              { field: '--held-at-limit' },
            );
          }
          config.heldAtLimit = opts.heldAtLimit;
        }
        const result = await ctx.withStore((store) =>
          distribute(store, {
            period: opts.period,
            ...(opts.date ? { date: opts.date } : {}),
            ...(opts.out ? { outDir: opts.out } : {}),
            dryRun: opts.dryRun ?? false,
            config,
            society: opts.society ?? 'tutti',
            pdf: opts.pdf,
            codeVersion: ctx.codeVersion,
            now: ctx.now,
          }),
        );
        const c = result.conservation;
        ctx.result(
          {
            distribution: result.distribution,
            period: result.period,
            date: result.date,
            dry_run: result.dryRun,
            unchanged: result.unchanged,
            statements: {
              holders: result.statements.holders,
              lines: result.statements.lines,
              adjustments: result.statements.adjustments,
              dir: result.statements.dir,
              files: result.statements.files,
            },
            remittances: result.remittances,
            held: result.held,
            conservation: c,
          },
          () =>
            [
              `${result.dryRun ? 'dry run: ' : ''}distribution ${result.distribution} (period ${result.period}, date ${result.date})` +
                (result.unchanged ? ': unchanged, nothing new since it was issued' : ''),
              `  statements: ${result.statements.holders} member(s), ${result.statements.lines} line(s) (${result.statements.adjustments} adjustment(s))${result.statements.dir ? ` in ${result.statements.dir}` : ''}`,
              ...result.remittances.map(
                (r) => `  remit ${money(r.amount)} to ${r.payee_kind} ${r.payee} (${r.lines} lines)`,
              ),
              ...result.held.balances.map(
                (h) =>
                  `  held ${h.reason}: ${money(h.amount)} since ${h.held_since} (${h.age_days} days, collection year ${h.collection_year})`,
              ),
              `  conservation: collected ${money(c.collected)} = paid ${money(c.paid)} + remitted ${money(c.remitted)} + commission ${money(c.commission)}` +
                ` + deductions ${money(c.deductions)} + held ${money(micros(c.held))}: ${c.ok ? 'ok' : 'BROKEN'}`,
            ].join('\n'),
        );
        return EXIT.OK;
      }),
    );
}
