/**
 * The schema's enums as values and types. No server-only import: client components may use these
 * (a status badge needs DraftState), and they carry no database access.
 */
export { AuthorKind, DraftState, JobRunState, Role, SubmissionState, SuggestionDisposition } from "./generated/enums";
