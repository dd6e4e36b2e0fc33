/**
 * domain: pure rules (identifiers, money, shares, territories, periods). No I/O, no clock, no randomness.
 * @module
 */
export {
  TuttiError,
  isTuttiError,
  ok,
  fail,
  type TuttiErrorCode,
  type TuttiErrorDetails,
  type Result,
} from './errors/tutti-error.js';
export {
  type Micros,
  MICROS_PER_UNIT,
  micros,
  parseMicros,
  formatMicros,
  formatMicrosRounded,
  sumMicros,
} from './money/micros.js';
export { allocate, type AllocationPart } from './money/allocate.js';
export {
  type ShareHundredths,
  FULL_SHARE,
  SHARE_TOLERANCE,
  shareHundredths,
  parseShareField,
  parsePercent,
  formatPercent,
  isFullWithinTolerance,
} from './shares/share.js';
export { RIGHT_TYPES, type RightType, isRightType, rightTypeFromDdex } from './rights/right-type.js';
export { type Period, parsePeriod, monthsOf, periodContains } from './period/period.js';
export type {
  WorkRegistration,
  InterestedPartyInWork,
  WriterInWork,
  PublisherInWork,
  RecordingRegistration,
  CollectionShare,
  OwnershipShares,
} from './repertoire/work-registration.js';
export type { UsageReportSpec, UsageSummarySpec, UsageBlockSpec } from './usage/usage-report.js';
export {
  type Iswc,
  type Isrc,
  type IpiNameNumber,
  type IpiBaseNumber,
  type Isni,
  type Gtin,
  type Dpid,
  type IdentifierCheck,
  checkIswc,
  parseIswc,
  isValidIswc,
  formatIswc,
  iswcFromNumber,
  checkIsrc,
  parseIsrc,
  isValidIsrc,
  checkIpiNameNumber,
  parseIpiNameNumber,
  isValidIpiNameNumber,
  ipiNameNumberFromNumber,
  checkIpiBaseNumber,
  parseIpiBaseNumber,
  ipiBaseNumberFromNumber,
  checkIsni,
  parseIsni,
  checkGtin,
  parseGtin,
  gtinFromPayload,
  checkDpid,
  parseDpid,
  dpidFromPayload,
} from './identifiers/identifiers.js';
export * from './territory/index.js';
export type { MandateSpec } from './repertoire/mandate.js';
