/**
 * matching: the identification engine (normalisation, blocking, scoring), the review queue and the
 * ISRC–work link registry. Issue 5; DESIGN.md §5.
 * @module
 */
export { foldText, foldWords } from './fold-text.js';
export { normaliseTitle, type NormalisedTitle } from './normalise-title.js';
export { normaliseName, nameKeys, surnameKey, writerWords } from './normalise-name.js';
export { type MatchOptions, DEFAULT_MATCH_OPTIONS, createMatchOptions } from './match-options.js';
export { refreshMatchIndex } from './refresh-match-index.js';
export {
  identifyReports,
  type IdentifyReportsInput,
  type IdentifyReportsOutput,
} from './identify-reports.js';
export { recordLinks, flagLinkConflicts, type LinkSource } from './link-registry.js';
export {
  exportLinks,
  importLinks,
  LINK_CSV_COLUMNS,
  type ImportLinksInput,
  type ImportLinksOutput,
} from './links-csv.js';
export { exportMatches, MATCH_CSV_COLUMNS } from './export-matches.js';
export {
  listReviewItems,
  showReviewItem,
  decideReview,
  type ReviewItem,
  type ReviewDetail,
  type ReviewDecision,
  type DecideReviewInput,
} from './review-queue.js';
