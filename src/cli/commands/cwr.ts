import { closeSync, createReadStream, existsSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { TuttiError } from '../../domain/index.js';
import {
  cwrFileName,
  formatCwrLines,
  validateCwr,
  type CwrFileSummary,
  type CwrFinding,
} from '../../formats/cwr/index.js';
import {
  ackCwrFile,
  importCwrFile,
  loadRegistrations,
  type CwrImportResult,
} from '../../stages/cwr/index.js';
import { action } from '../command.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

const VERSIONS = ['2.1', '2.2', '3.0', '3.1'] as const;
const SENDER_TYPES = ['PB', 'SO', 'AA', 'WR'] as const;

function assertFiles(files: readonly string[]): void {
  for (const f of files) if (!existsSync(f)) throw new TuttiError('USAGE', `no such file: ${f}`, { file: f });
}

const where = (file: string, f: CwrFinding) =>
  `${file}:${f.line}: ${f.severity} ${f.code} ${f.record}${f.field ? `.${f.field}` : ''}: ${f.message}`;

function humanSummary(file: string, s: CwrFileSummary): string {
  const head = `${file}: ${s.ok ? 'OK' : s.rejected ? 'REJECTED' : 'ERRORS'} CWR ${s.version ?? '?'}${s.sender ? ` from ${s.sender.type} ${s.sender.id} ${s.sender.name}` : ''}, ${s.transactions} transactions (${s.rejectedTransactions} rejected), ${s.errorCount} errors, ${s.warningCount} warnings`;
  const counts = Object.entries(s.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [...s.errors, ...s.warnings].slice(0, 50).map((f) => `  ${where(file, f)}`);
  const more =
    s.errorCount + s.warningCount > lines.length
      ? [`  ... ${s.errorCount + s.warningCount - lines.length} more (use --json)`]
      : [];
  return [head, `  records: ${counts}`, ...lines, ...more].join('\n');
}

function writer(path: string) {
  const fd = openSync(path, 'w');
  return {
    write(lines: readonly string[]) {
      if (lines.length > 0) writeSync(fd, lines.map((l) => `${l}\r\n`).join(''));
    },
    close: () => closeSync(fd),
  };
}

async function validateCommand(ctx: CliContext, files: string[]) {
  assertFiles(files);
  const results: (CwrFileSummary & { file: string })[] = [];
  for (const file of files) {
    const summary = await validateCwr(createReadStream(file), { fileName: basename(file) });
    results.push({ file, ...summary });
  }
  ctx.result(results.length === 1 ? results[0] : results, () =>
    results.map((r) => humanSummary(r.file, r)).join('\n'),
  );
  return results.every((r) => r.ok) ? EXIT.OK : EXIT.REJECTED;
}

async function importCommand(ctx: CliContext, files: string[]) {
  assertFiles(files);
  const results: CwrImportResult[] = [];
  await ctx.withStore(async (store) => {
    for (const file of files) {
      const progress = ctx.progress(`import ${basename(file)}`);
      results.push(
        await importCwrFile(store, file, {
          now: ctx.now,
          codeVersion: ctx.codeVersion,
          onProgress: (p) => progress.update(p.transactions, 'transactions'),
          onReject: (r) => ctx.debug && ctx.info(where(r.file, r.finding)),
        }),
      );
      progress.done();
    }
  });
  const sum = (
    k:
      | 'works'
      | 'newWorks'
      | 'revisedWorks'
      | 'unchangedWorks'
      | 'transactions'
      | 'rejectedTransactions'
      | 'skippedTransactions'
      | 'agreements'
      | 'quarantinedLines',
  ) => results.reduce((s, r) => s + r[k], 0);
  const totals = {
    files: results.length,
    imported: results.filter((r) => r.status === 'imported').length,
    duplicate: results.filter((r) => r.status === 'duplicate').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    works: sum('works'),
    newWorks: sum('newWorks'),
    revisedWorks: sum('revisedWorks'),
    unchangedWorks: sum('unchangedWorks'),
    transactions: sum('transactions'),
    rejectedTransactions: sum('rejectedTransactions'),
    skippedTransactions: sum('skippedTransactions'),
    agreements: sum('agreements'),
    quarantinedLines: sum('quarantinedLines'),
  };
  ctx.result({ files: results, totals }, () =>
    [
      ...results.map(
        (r) =>
          `${r.file}: ${r.status}${r.reason ? ` (${r.reason})` : ''}, ${r.newWorks} new, ${r.revisedWorks} revised, ${r.unchangedWorks} unchanged, ${r.rejectedTransactions} transactions rejected, ${r.quarantinedLines} lines quarantined`,
      ),
      `total: ${totals.works} works written from ${totals.imported} files (${totals.duplicate} duplicate, ${totals.rejected} rejected)`,
    ].join('\n'),
  );
  return totals.rejected > 0 ? EXIT.REJECTED : EXIT.OK;
}

interface AckOpts {
  out: string;
  senderType: string;
  senderId: string;
  senderName: string;
}

async function ackCommand(ctx: CliContext, file: string, opts: AckOpts) {
  assertFiles([file]);
  const senderType = parseChoice(opts.senderType, SENDER_TYPES, '--sender-type');
  const out = writer(opts.out);
  let summary: CwrFileSummary;
  try {
    summary = await ackCwrFile(
      file,
      { senderType, senderId: opts.senderId, senderName: opts.senderName, createdAt: ctx.now() },
      (lines) => out.write(lines),
    );
  } finally {
    out.close();
  }
  ctx.result(
    { file, out: opts.out, ...summary },
    () => `${humanSummary(file, summary)}\nACK written to ${opts.out}`,
  );
  return summary.rejected ? EXIT.REJECTED : EXIT.OK;
}

interface ExportOpts {
  out: string;
  version?: string;
  cwrVersion?: string;
  works?: string[];
  senderType?: string;
  senderId?: string;
  senderName: string;
  transaction: string;
}

async function exportCommand(ctx: CliContext, opts: ExportOpts) {
  const version = parseChoice(opts.cwrVersion ?? opts.version ?? '2.2', VERSIONS, '--version');
  const transactionType = parseChoice(opts.transaction, ['NWR', 'REV'] as const, '--transaction');
  const workIds = opts.works
    ?.flatMap((w) => w.split(','))
    .map((w) => w.trim())
    .filter((w) => w);
  const { registrations, submitters } = await ctx.withStore(async (store) => {
    const registrations = await loadRegistrations(store, workIds);
    const rows = await store.all<{ submitter: string | null }>('SELECT DISTINCT submitter FROM works');
    return { registrations, submitters: rows.map((r) => r.submitter ?? '') };
  });
  if (workIds && registrations.length < new Set(workIds).size) {
    throw new TuttiError(
      'NOT_FOUND',
      `${new Set(workIds).size - registrations.length} of the works asked for are not in the repertoire`,
    );
  }
  // By default the file is sent in the name of the submitter when the works have one (round trip keeps work ids).
  const only = submitters.length === 1 ? submitters[0]! : '';
  const senderId = opts.senderId ?? (only || '058');
  const senderType = parseChoice(
    opts.senderType ?? (/^\d{3}$/.test(senderId) ? 'SO' : 'PB'),
    SENDER_TYPES,
    '--sender-type',
  );
  const createdAt = ctx.now();
  const out = writer(opts.out);
  try {
    const batch: string[] = [];
    for (const line of formatCwrLines(registrations, {
      version,
      senderType,
      senderId,
      senderName: opts.senderName,
      createdAt,
      transactionType,
    })) {
      batch.push(line);
      if (batch.length >= 10000) out.write(batch.splice(0));
    }
    out.write(batch);
  } finally {
    out.close();
  }
  const suggested = cwrFileName({
    version,
    createdAt,
    sequence: 1,
    sender: senderType === 'SO' ? senderId : 'TUT',
    receiver: '000',
  });
  ctx.result(
    { out: opts.out, version, works: registrations.length, senderType, senderId, suggestedName: suggested },
    () =>
      `${registrations.length} works written to ${opts.out} (CWR ${version}, sender ${senderType} ${senderId})`,
  );
  return EXIT.OK;
}

function parseChoice<T extends string>(value: string, choices: readonly T[], flag: string): T {
  const v = value.toUpperCase();
  const found = choices.find((c) => c.toUpperCase() === v);
  if (!found) throw new TuttiError('USAGE', `${flag} must be one of ${choices.join(', ')}, not "${value}"`);
  return found;
}

/**
 * The program's own `-V, --version` is read anywhere on the line (commander reads program options after
 * subcommands too), so it would swallow `cwr export --version 2.1`: hand that token to export instead.
 */
function keepExportVersion(program: Command): void {
  const parse = program.parseOptions.bind(program);
  program.parseOptions = (args: string[]) => {
    const at = args.indexOf('cwr');
    const ex = at >= 0 && args[at + 1] === 'export' ? at + 1 : -1;
    if (ex < 0) return parse(args);
    return parse(
      args.map((a, i) =>
        i <= ex
          ? a
          : a === '--version'
            ? '--cwr-version'
            : a.startsWith('--version=')
              ? `--cwr-version=${a.slice(10)}`
              : a,
      ),
    );
  };
}

/** `tutti cwr validate|import|ack|export`: CISAC CWR registrations in and out (issue 3). */
export function registerCwrCommands(program: Command): void {
  keepExportVersion(program);
  const cwr = program
    .command('cwr')
    .description('CISAC CWR registrations: validate, import, acknowledge, export');
  cwr
    .command('validate')
    .description(
      'check CWR files (2.1, 2.2, 3.0, 3.1) against the CISAC edits; exit 0 when no error, 3 otherwise',
    )
    .argument('<files...>', 'CWR files')
    .action(action((ctx, files: string[]) => validateCommand(ctx, files)));
  cwr
    .command('import')
    .description('load CWR registrations into the repertoire (idempotent; REV keeps history)')
    .argument('<files...>', 'CWR files')
    .action(action((ctx, files: string[]) => importCommand(ctx, files)));
  cwr
    .command('ack')
    .description('write the ACK file answering a CWR file (AS accepted, AC with warnings, RJ rejected)')
    .argument('<file>', 'CWR file')
    .requiredOption('--out <file>', 'the ACK file to write')
    .option('--sender-type <type>', 'who answers: SO, PB, AA, WR', 'SO')
    .option('--sender-id <id>', 'society code or IPI name number', '058')
    .option('--sender-name <name>', 'sender name', 'SACEM')
    .action(action((ctx, file: string, opts: AckOpts) => ackCommand(ctx, file, opts)));
  cwr
    .command('export')
    .description('write registrations from the repertoire as a CWR file')
    .requiredOption('--out <file>', 'the CWR file to write')
    .option('--version <version>', 'CWR version: 2.1, 2.2 (default), 3.0, 3.1')
    .addOption(new Option('--cwr-version <version>').hideHelp())
    .option('--works <ids...>', 'work ids (space or comma separated); default all')
    .option('--sender-type <type>', 'PB, SO, AA, WR (default: SO for a 3-digit id, else PB)')
    .option(
      '--sender-id <id>',
      "IPI name number or society code (default: the works' submitter when there is one)",
    )
    .option('--sender-name <name>', 'sender name', 'TUTTI')
    .option('--transaction <type>', 'NWR or REV (2.x)', 'NWR')
    .action(action((ctx, opts: ExportOpts) => exportCommand(ctx, opts)));
}
