/**
 * `tutti generate`: realistic synthetic repertoire and usage with known truth, deterministic for a seed.
 * @module
 */
export { generateDataset, readReports } from './generate-dataset.js';
export { createDatasetPlan, type DatasetPlan } from './create-repertoire.js';
export { buildReport, serviceDpid, DEFAULT_USAGE_LINES_PER_REPORT } from './build-report.js';
export { writeDataset, type WriteDatasetResult } from './write-dataset.js';
export { createRandom, deriveSeed, type Random } from './random.js';
export {
  NOISE_KINDS,
  type NoiseKind,
  type GenerateOptions,
  type GeneratedDataset,
  type GeneratedRepertoire,
  type GeneratedPublisher,
  type GeneratedRegistration,
  type GeneratedMandate,
  type TruthRow,
  type IsrcCollision,
  type ReportPlan,
  type BuiltReport,
} from './types.js';
