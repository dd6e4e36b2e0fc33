/**
 * CWR stages: import registrations into the repertoire, acknowledge files, rebuild registrations for export.
 * @module
 */
export { importCwrFile, type CwrImportResult, type ImportCwrOptions } from './import-cwr.js';
export { ackCwrFile } from './ack-cwr.js';
export { loadRegistrations } from './load-registrations.js';
export {
  toWorkRows,
  workIdOf,
  partyIdOf,
  territoryExpression,
  snapshotKey,
  type WorkRows,
  type PartyRow,
  type ShareRow,
} from './work-rows.js';
