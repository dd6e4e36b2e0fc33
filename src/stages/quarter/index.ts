/**
 * stages/quarter: the whole chain of one period in one call (`tutti run`, `tutti demo`).
 * @module
 */
export {
  runQuarter,
  QUARTER_STAGES,
  type QuarterOptions,
  type QuarterResult,
  type QuarterStage,
} from './run-quarter.js';
export { findQuarterInputs, type QuarterInputs } from './find-inputs.js';
