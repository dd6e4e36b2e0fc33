/**
 * A CCID-style claim file of tutti's own design (the CCID.14 layout is not public): writer and reader.
 * @module
 */
export {
  CCID_STYLE_VERSION,
  formatCcid,
  formatCcidHeaderRow,
  formatCcidLineRow,
  formatCcidTrailerRow,
  parseCcid,
  type CcidHeader,
  type CcidLine,
  type CcidFile,
} from './ccid-file.js';
