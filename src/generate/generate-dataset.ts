import { buildReport } from './build-report.js';
import { createDatasetPlan, type DatasetPlan } from './create-repertoire.js';
import type { BuiltReport, GenerateOptions, GeneratedDataset, TruthRow } from './types.js';
import type { UsageReportSpec } from '../domain/index.js';

/**
 * Generates a whole synthetic dataset with known truth, materialised: repertoire, mandates, one report per
 * service × territory × month, and one truth row per reported resource. Pure and deterministic for
 * `options.seed`. For large sizes use {@link createDatasetPlan} and {@link readReports} instead (one report
 * in memory at a time).
 * @example generateDataset({ works: 200, services: ['Spotify'], territories: ['FR'], months: ['2024-01'], seed: 1 })
 */
export function generateDataset(options: GenerateOptions): GeneratedDataset {
  const plan = createDatasetPlan(options);
  const reports: UsageReportSpec[] = [];
  const truth: TruthRow[] = [];
  for (const built of readReports(plan)) {
    reports.push(built.report);
    for (const row of built.truth) truth.push(row);
  }
  const { society, publishers, registrations, mandates, isrcCollisions, reportPlans } = plan;
  return { society, publishers, registrations, mandates, isrcCollisions, reportPlans, reports, truth };
}

/** Builds the plan's reports one by one, lazily, in plan order. */
export function* readReports(plan: DatasetPlan): Generator<BuiltReport> {
  for (const reportPlan of plan.reportPlans) yield buildReport(plan, reportPlan);
}
