/**
 * stages/files: what every ingesting stage needs to know about an input file.
 * @module
 */
export { fingerprintFile } from './fingerprint-file.js';
