import type { RegisterCommands } from '../command.js';
import { registerRunsCommands } from './runs.js';
import { registerDistributeCommands } from './distribute.js';
import { registerClaimCommands } from './claim.js';
import { registerMandatesCommands } from './mandates.js';
import { registerRunCommands } from './run.js';
import { registerDemoCommands } from './demo.js';
import { registerServeCommands } from './serve.js';
import { registerGenerateCommands } from './generate.js';
import { registerCwrCommands } from './cwr.js';
import { registerIdentifyCommands } from './identify.js';
import { registerDsrCommands } from './dsr.js';

/** Every command module; each adds its own subcommands. Add one import and one entry per module. */
export const COMMANDS: readonly RegisterCommands[] = [
  registerRunsCommands,
  registerDistributeCommands,
  registerClaimCommands,
  registerMandatesCommands,
  registerRunCommands,
  registerDemoCommands,
  registerServeCommands,
  registerGenerateCommands,
  registerCwrCommands,
  registerIdentifyCommands,
  registerDsrCommands,
];
