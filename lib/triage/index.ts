export { agedFrom, triagePost } from "./assess";
export { assessCheckability, IN_THRESHOLD, scoreCheckability, type Checkability, type Score } from "./heuristics";
export { labelReasons } from "./labels";
export { assessWithModel, canAskModel } from "./model-opinion";
export { refineWithModel, type ModelPassCandidate, type ModelPassResult } from "./model-pass";
export { overturnInputSchema, overturnTriage, type OverturnInput } from "./overturn";
export { PRIORITY_HALF_LIFE_HOURS, priorityAt } from "./priority";
export { triageFor, triageOf, type TriagedPostRow } from "./read";
export {
  reassessFrom,
  saveAssessments,
  strongestAgainst,
  triageFields,
  type AssessedVersion,
  type TriageFields,
} from "./store";
export * from "./types";
