import { noteLength } from "@/lib/note-text/length";

import type { ParameterIssue } from "./problems";

/*
 * The POST /2/notes contract from X's spec, read independently of lib/x so the simulator catches a client that
 * drifts from it (a misspelled enum would pass if both imported one list).
 */
export const simClassifications = ["misinformed_or_potentially_misleading", "not_misleading"] as const;
export const simMisleadingTags = [
  "disputed_claim_as_fact",
  "factual_error",
  "manipulated_media",
  "misinterpreted_satire",
  "missing_important_context",
  "other",
  "outdated_information",
] as const;

const POST_ID = /^[0-9]{1,19}$/;
/** X's rule, verbatim: the text must contain an http(s) URL. */
const CONTAINS_URL = /^(?=[\s\S]*https?:\/\/\S+)[\s\S]+$/;
const MAX_NOTE_LENGTH = 280;

export type NoteSubmission = {
  testMode: boolean;
  postId: string;
  text: string;
  classification: (typeof simClassifications)[number];
  misleadingTags: string[];
  trustworthySources: boolean;
  isMediaNote: boolean;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strictKeys(
  value: Record<string, unknown>,
  prefix: string,
  required: readonly string[],
  optional: readonly string[],
  issues: ParameterIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) {
      issues.push({ parameter: `${prefix}${key}`, value: JSON.stringify(value[key]), message: `[${prefix}${key}] is not a valid field: additional properties are not allowed` });
    }
  }
  for (const key of required) {
    if (!(key in value)) issues.push({ parameter: `${prefix}${key}`, value: "", message: `[${prefix}${key}] is required` });
  }
}

function validateText(text: unknown, issues: ParameterIssue[]): void {
  if (typeof text !== "string") {
    if (text !== undefined) issues.push({ parameter: "info.text", value: JSON.stringify(text), message: "[info.text] must be a string" });
    return;
  }
  const length = noteLength(text);
  if (length < 1 || length > MAX_NOTE_LENGTH) {
    issues.push({ parameter: "info.text", value: text, message: `[info.text] must be 1–${MAX_NOTE_LENGTH} characters, each URL counting as 1; it is ${length}` });
  }
  if (!CONTAINS_URL.test(text)) {
    issues.push({ parameter: "info.text", value: text, message: "[info.text] must contain at least one http(s) URL" });
  }
}

function validateTags(classification: unknown, tags: unknown, issues: ParameterIssue[]): void {
  if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === "string")) {
    if (tags !== undefined) issues.push({ parameter: "info.misleading_tags", value: JSON.stringify(tags), message: "[info.misleading_tags] must be an array of strings" });
    return;
  }
  for (const tag of tags) {
    if (!(simMisleadingTags as readonly string[]).includes(tag)) {
      issues.push({ parameter: "info.misleading_tags", value: tag, message: `[info.misleading_tags] value [${tag}] is not one of [${simMisleadingTags.join(",")}]` });
    }
  }
  if (new Set(tags).size !== tags.length) {
    issues.push({ parameter: "info.misleading_tags", value: tags.join(","), message: "[info.misleading_tags] must not repeat a tag" });
  }
  if (classification === "misinformed_or_potentially_misleading" && tags.length === 0) {
    issues.push({ parameter: "info.misleading_tags", value: "", message: "[info.misleading_tags] must not be empty when the classification is misinformed_or_potentially_misleading" });
  }
  if (classification === "not_misleading" && tags.length > 0) {
    issues.push({ parameter: "info.misleading_tags", value: tags.join(","), message: "[info.misleading_tags] must be empty when the classification is not_misleading" });
  }
}

/** Every problem with a POST /2/notes body, or the submission when there are none. */
export function validateNoteSubmission(body: unknown): { ok: true; note: NoteSubmission } | { ok: false; issues: ParameterIssue[] } {
  const issues: ParameterIssue[] = [];
  if (!isRecord(body)) return { ok: false, issues: [{ parameter: "body", value: "", message: "The request body must be a JSON object" }] };
  strictKeys(body, "", ["test_mode", "post_id", "info"], [], issues);
  if ("test_mode" in body && typeof body.test_mode !== "boolean") {
    issues.push({ parameter: "test_mode", value: JSON.stringify(body.test_mode), message: "[test_mode] must be a boolean" });
  }
  if ("post_id" in body && !(typeof body.post_id === "string" && POST_ID.test(body.post_id))) {
    issues.push({ parameter: "post_id", value: JSON.stringify(body.post_id), message: "[post_id] must be a string matching ^[0-9]{1,19}$" });
  }
  const info = body.info;
  if ("info" in body && !isRecord(info)) issues.push({ parameter: "info", value: JSON.stringify(info), message: "[info] must be an object" });
  if (isRecord(info)) {
    strictKeys(info, "info.", ["text", "classification", "misleading_tags", "trustworthy_sources"], ["is_media_note"], issues);
    validateText(info.text, issues);
    if ("classification" in info && !(simClassifications as readonly unknown[]).includes(info.classification)) {
      issues.push({ parameter: "info.classification", value: JSON.stringify(info.classification), message: `[info.classification] is not one of [${simClassifications.join(",")}]` });
    }
    validateTags(info.classification, info.misleading_tags, issues);
    if ("trustworthy_sources" in info && typeof info.trustworthy_sources !== "boolean") {
      issues.push({ parameter: "info.trustworthy_sources", value: JSON.stringify(info.trustworthy_sources), message: "[info.trustworthy_sources] must be a boolean" });
    }
    if ("is_media_note" in info && typeof info.is_media_note !== "boolean") {
      issues.push({ parameter: "info.is_media_note", value: JSON.stringify(info.is_media_note), message: "[info.is_media_note] must be a boolean" });
    }
  }
  if (issues.length > 0 || !isRecord(info)) return { ok: false, issues };
  return {
    ok: true,
    note: {
      testMode: body.test_mode as boolean,
      postId: body.post_id as string,
      text: info.text as string,
      classification: info.classification as NoteSubmission["classification"],
      misleadingTags: info.misleading_tags as string[],
      trustworthySources: info.trustworthy_sources as boolean,
      isMediaNote: info.is_media_note === true,
    },
  };
}

/** POST /2/evaluate_note's body: `{note_text, post_id}`, nothing else. */
export function validateEvaluation(body: unknown): { ok: true; noteText: string; postId: string } | { ok: false; issues: ParameterIssue[] } {
  const issues: ParameterIssue[] = [];
  if (!isRecord(body)) return { ok: false, issues: [{ parameter: "body", value: "", message: "The request body must be a JSON object" }] };
  strictKeys(body, "", ["note_text", "post_id"], [], issues);
  if ("note_text" in body && !(typeof body.note_text === "string" && body.note_text.trim() !== "")) {
    issues.push({ parameter: "note_text", value: JSON.stringify(body.note_text), message: "[note_text] must be a non-empty string" });
  }
  if ("post_id" in body && !(typeof body.post_id === "string" && POST_ID.test(body.post_id))) {
    issues.push({ parameter: "post_id", value: JSON.stringify(body.post_id), message: "[post_id] must be a string matching ^[0-9]{1,19}$" });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, noteText: body.note_text as string, postId: body.post_id as string };
}
