/**
 * The claim stage (issue 6): what the society says is its own, per report — royalty pool by the
 * greater-of rule, pro rata over usages, claimable shares (members, affiliation, mandates) per right
 * and territory, overclaims held, CDM and CCID-style claim files, invoices in JSON and PDF.
 * @module
 */
export {
  type Tariff,
  type ClaimConfig,
  type ClaimConfigJson,
  DEFAULT_CLAIM_CONFIG_JSON,
  parseClaimConfig,
  findTariff,
} from './claim-config.js';
export {
  type PoolInputs,
  type Fee,
  type FeeBasis,
  type PoolResource,
  applyShare,
  computeFee,
  spreadPool,
  splitByRight,
  OUTSIDE_REPORT,
} from './royalty-pool.js';
export {
  type WorkShareRow,
  type MandateScope,
  type UsageContext,
  type Claimant,
  claimableShares,
  mandateCovers,
} from './claimable-share.js';
export { type ClaimAmounts, type OverclaimStatus, claimAmounts } from './claim-amounts.js';
export type { ClaimInputs, ClaimReport, ClaimSummary, ClaimResource, ClaimWork } from './claim-inputs.js';
export { loadClaimInputs } from './load-claim-inputs.js';
export {
  computeClaims,
  CLAIMED_RIGHTS,
  type ComputedClaims,
  type ComputedClaimLine,
  type ComputedPool,
  type ComputedOverclaim,
} from './compute-claims.js';
export { buildClaimDocuments, type ClaimDocuments, type ClaimLicensor } from './claim-documents.js';
export { runClaim, type ClaimRunOptions, type ClaimRunResult, type ReportClaimResult } from './run-claim.js';
