#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { isTuttiError } from '../domain/index.js';
import { COMMANDS } from './commands/index.js';
import { CODE_VERSION } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

const program = new Command('tutti')
  .description('Rights management for music collective management organisations')
  .version(CODE_VERSION)
  .addOption(new Option('--db <path>', 'the DuckDB store').default(process.env['TUTTI_DB'] ?? 'tutti.duckdb'))
  .option('--json', 'machine output: exactly one JSON document on stdout', false)
  .option('--debug', 'print stack traces on errors', false)
  .addOption(
    new Option(
      '--memory-limit <size>',
      'DuckDB memory limit; larger work spills to <db>.tmp (default 1536MB)',
    ).env('TUTTI_MEMORY_LIMIT'),
  )
  .showHelpAfterError()
  .exitOverride();

for (const register of COMMANDS) register(program);

const debug = process.argv.includes('--debug');
const json = process.argv.includes('--json');

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; anything else commander refuses is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else if (isTuttiError(error)) {
    const where = [error.details.file, error.details.line].filter((v) => v !== undefined).join(':');
    process.stderr.write(`tutti: ${where ? `${where}: ` : ''}${error.message} [${error.code}]\n`);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: { code: error.code, message: error.message, details: error.details } })}\n`,
      );
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = exitCodeFor(error.code);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `tutti: unexpected failure: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`,
    );
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.FAILURE;
  }
}
