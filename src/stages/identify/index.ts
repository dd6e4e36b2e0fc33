/** The identify stage (issue 5): reports in, matches and review items out, one recorded run. */
export {
  runIdentifyStage,
  type IdentifyStageInput,
  type IdentifyStageOutput,
  type ReportIdentification,
} from './identify-stage.js';
