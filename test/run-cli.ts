import { Command } from 'commander';
import type { RegisterCommands } from '../src/cli/command.js';

/** What one in-process `tutti` invocation printed on stdout and the exit code it set (0 when none). */
export interface CliRun {
  readonly out: string;
  readonly code: number;
}

/**
 * Runs `tutti <args>` in-process with only the given command modules registered and the global
 * options of `main.ts` (`--db` defaulting to `:memory:`, `--json`, `--debug`). Commander's exits are
 * thrown (`exitOverride`), so a usage error rejects. `process.exitCode` is cleared before the run and
 * left as the command set it, so a test may read it either from the result or from `process`.
 */
export async function runCli(
  register: RegisterCommands | readonly RegisterCommands[],
  args: readonly string[],
): Promise<CliRun> {
  const program = new Command('tutti')
    .version('0.0.0')
    .option('--db <path>', '', ':memory:')
    .option('--json', '', false)
    .option('--debug', '', false)
    .exitOverride();
  for (const r of typeof register === 'function' ? [register] : register) r(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => (chunks.push(String(chunk)), true);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'tutti', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return { out: chunks.join(''), code: Number(process.exitCode ?? 0) };
}
