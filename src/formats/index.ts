/**
 * formats: streaming readers and writers of the industry files, one namespace per format.
 * Depends on `domain` only: nothing here knows about storage, HTTP or the terminal.
 * @example
 * import { cwr, dsr } from 'tutti/formats';
 * for (const line of dsr.formatDsrLines(report)) process.stdout.write(`${line}\n`);
 * @module
 */
export * as cwr from './cwr/index.js';
export * as dsr from './dsr/index.js';
export * as cdm from './cdm/index.js';
export * as ccid from './ccid/index.js';
export * as invoice from './invoice/index.js';
export * as statements from './statements/index.js';
