import { z } from "zod";

import { extractUrls, NOTE_MAX_LENGTH, noteLength } from "./length";
import { containsEmoji, containsHashtag, hasCommunityNotePrefix } from "./style";

import { classifications, misleadingTags, type Classification, type MisleadingTag } from "./values";

export { classifications, misleadingTags, type Classification, type MisleadingTag };

export const classificationSchema = z.enum(classifications);
export const misleadingTagSchema = z.enum(misleadingTags);

/** A note as a person or a model proposed it: enum fields may still hold anything. */
export type NoteCandidate = {
  text: string;
  classification: string;
  misleadingTags: readonly string[];
};

export type NoteIssueCode =
  | "empty_text"
  | "too_long"
  | "missing_url"
  | "unknown_classification"
  | "unknown_tag"
  | "repeated_tag"
  | "tags_required"
  | "tags_not_allowed"
  | "hashtag"
  | "emoji"
  | "community_note_prefix";

export type IssueSeverity = "error" | "warning";

export type NoteIssue = {
  code: NoteIssueCode;
  field: "text" | "classification" | "misleadingTags";
  message: string;
  /** error: X would reject the note (or it contradicts itself); warning: allowed but rated down. */
  severity: IssueSeverity;
};

const isClassification = (value: string): value is Classification =>
  (classifications as readonly string[]).includes(value);
const isMisleadingTag = (value: string): value is MisleadingTag => (misleadingTags as readonly string[]).includes(value);

/** Every rule a note breaks, errors first. Never edits the note: an over-long text is reported, not cut. */
export function validateNote(note: NoteCandidate): NoteIssue[] {
  return [...textIssues(note.text), ...classificationIssues(note), ...styleIssues(note.text)];
}

export function hasErrors(issues: readonly { severity: IssueSeverity }[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

function textIssues(text: string): NoteIssue[] {
  if (text.trim() === "") {
    return [{ code: "empty_text", field: "text", severity: "error", message: "Write the note text." }];
  }
  const issues: NoteIssue[] = [];
  const length = noteLength(text);
  if (length > NOTE_MAX_LENGTH) {
    issues.push({
      code: "too_long",
      field: "text",
      severity: "error",
      message: `The note is ${length} characters; the limit is ${NOTE_MAX_LENGTH} (each link counts as 1). Shorten it by ${length - NOTE_MAX_LENGTH}.`,
    });
  }
  if (extractUrls(text).length === 0) {
    issues.push({
      code: "missing_url",
      field: "text",
      severity: "error",
      message: "Add at least one source link starting with https:// or http://.",
    });
  }
  return issues;
}

function classificationIssues({ classification, misleadingTags: tags }: NoteCandidate): NoteIssue[] {
  const issues: NoteIssue[] = [];
  for (const tag of tags.filter((tag) => !isMisleadingTag(tag))) {
    issues.push({
      code: "unknown_tag",
      field: "misleadingTags",
      severity: "error",
      message: `"${tag}" is not a misleading reason X accepts (${misleadingTags.join(", ")}).`,
    });
  }
  if (new Set(tags).size !== tags.length) {
    issues.push({ code: "repeated_tag", field: "misleadingTags", severity: "error", message: "A misleading reason is listed twice." });
  }
  if (!isClassification(classification)) {
    issues.push({
      code: "unknown_classification",
      field: "classification",
      severity: "error",
      message: `"${classification}" is not a classification X accepts (${classifications.join(" or ")}).`,
    });
  } else if (classification === "misinformed_or_potentially_misleading" && tags.length === 0) {
    issues.push({
      code: "tags_required",
      field: "misleadingTags",
      severity: "error",
      message: "Choose at least one reason why the post is misleading.",
    });
  } else if (classification === "not_misleading" && tags.length > 0) {
    issues.push({
      code: "tags_not_allowed",
      field: "misleadingTags",
      severity: "error",
      message: "A note saying the post is not misleading takes no misleading reasons; remove them.",
    });
  }
  return issues;
}

function styleIssues(text: string): NoteIssue[] {
  const issues: NoteIssue[] = [];
  if (containsHashtag(text)) {
    issues.push({ code: "hashtag", field: "text", severity: "warning", message: "Remove hashtags; notes read as neutral context, not as posts." });
  }
  if (containsEmoji(text)) {
    issues.push({ code: "emoji", field: "text", severity: "warning", message: "Remove emoji; raters mark them down." });
  }
  if (hasCommunityNotePrefix(text)) {
    issues.push({
      code: "community_note_prefix",
      field: "text",
      severity: "warning",
      message: 'Drop the "Community Note:" prefix; X labels the note itself.',
    });
  }
  return issues;
}

/**
 * The note fields for forms and server actions. The text is trimmed; errors from `validateNote`
 * fail the parse, warnings do not (call `validateNote` to show them).
 */
export const noteInputSchema = z
  .object({
    text: z.string({ message: "Write the note text." }).trim(),
    classification: z.string({ message: "Choose whether the post is misleading." }),
    misleadingTags: z.array(z.string({ message: "Each misleading reason must be text." }), {
      message: "Misleading reasons must be a list.",
    }),
    trustworthySources: z.boolean({ message: "Say whether the sources are trustworthy." }),
  })
  .superRefine((note, ctx) => {
    for (const issue of validateNote(note)) {
      if (issue.severity === "error") ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  })
  // Safe narrowing: the refinement above has rejected any classification or tag outside the enums.
  .transform((note) => note as NoteInput);

export type NoteInput = {
  text: string;
  classification: Classification;
  misleadingTags: MisleadingTag[];
  trustworthySources: boolean;
};
