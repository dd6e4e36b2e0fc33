export {
  openStore,
  DEFAULT_MEMORY_LIMIT,
  type Store,
  type OpenStoreOptions,
  type StoreMemory,
} from './store.js';
export { migrate } from './migrate.js';
export { sql, quoteIdentifier, quoteLiteral, type SqlStatement } from './sql.js';
export {
  startRun,
  finishRun,
  recordRun,
  listRuns,
  type RunStart,
  type RunInput,
  type RunRecord,
} from './runs.js';
