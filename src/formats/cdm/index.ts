/**
 * DDEX Claim Detail Message (CDM), `ClaimsAmounts` 2.0 profile: the claim file a society sends a
 * service in answer to a DSR (standards.md §2.1). Writer and reader round-trip exactly.
 * @module
 */
export {
  type CdmHeader,
  type CdmClaim,
  type CdmSummary,
  type CdmMessage,
  claimedAmountOf,
  totalClaimedOf,
  blendedShareMicroPercent,
} from './cdm-message.js';
export {
  formatCdm,
  formatCdmLines,
  formatCdmHeaderRow,
  formatCdmSummaryRow,
  formatCdmClaimRow,
  formatCdmTrailerRow,
  formatAmountCell,
  formatBlendedShareCell,
  cdmFileName,
  CDM_MESSAGE_VERSION,
  CDM_PROFILE,
  CDM_PROFILE_VERSION,
} from './format-cdm.js';
export { parseCdm, type ParsedCdm, type CdmLineProblem } from './parse-cdm.js';
export { formatRow, parseRow, splitMulti, singleValue, formatPercentCell } from './flat-cells.js';
