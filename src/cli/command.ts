import type { Command } from 'commander';
import { createCliContext, type CliContext, type GlobalOptions } from './context.js';
import type { ExitCode } from './exit-codes.js';

/**
 * Wraps a command handler: builds the context from the global flags, runs the handler, and sets the
 * exit code it returns. Errors propagate to main, which maps them once (exit-codes.ts).
 */
export function action<A extends unknown[]>(
  handler: (ctx: CliContext, ...args: A) => Promise<ExitCode | void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = createCliContext(command.optsWithGlobals<GlobalOptions>());
    const code = await handler(ctx, ...(args.slice(0, -1) as A));
    if (code !== undefined && code !== 0) process.exitCode = code;
  };
}

/** A module that adds its commands to the program. */
export type RegisterCommands = (program: Command) => void;
