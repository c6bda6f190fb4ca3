export { extractUrls, NOTE_MAX_LENGTH, noteLength } from "./length";
export {
  classifications,
  classificationSchema,
  hasErrors,
  misleadingTags,
  misleadingTagSchema,
  noteInputSchema,
  validateNote,
  type Classification,
  type IssueSeverity,
  type MisleadingTag,
  type NoteCandidate,
  type NoteInput,
  type NoteIssue,
  type NoteIssueCode,
} from "./rules";
export { containsEmoji, containsHashtag, hasCommunityNotePrefix } from "./style";
