/**
 * stages/mandates: the society's mandates (collecting for other publishers and societies) and its members.
 * @module
 */
export { importMandates, parseMandatesJson, type MandateImportOptions } from './import-mandates.js';
export { markSocietyMembers } from './mark-members.js';
