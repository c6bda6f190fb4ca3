import { extractUrls, NOTE_MAX_LENGTH, noteLength, validateNote, type NoteIssue } from "@/lib/note-text";

import type { GateResult } from "./dto";
import { gateResult } from "./result";
import type { GateSubject } from "./subject";

/** The gates that read only the note and its draft: instant, and the same in the browser and the server. */

const modeName = (testMode: boolean) => (testMode ? "test" : "production");

export function modeGate(subject: GateSubject): GateResult {
  const { feedTestMode, writerTestMode } = subject;
  if (feedTestMode !== writerTestMode) {
    return gateResult(
      "mode",
      false,
      `This draft came from the ${modeName(feedTestMode)} feed but the writer is now in ${modeName(writerTestMode)} mode, so it can't be sent.`,
    );
  }
  return gateResult("mode", true, `Sends in ${modeName(writerTestMode)} mode (test_mode: ${writerTestMode}).`);
}

const NO_TEXT = "The draft has no note text yet.";

function issuesOf(subject: GateSubject, codes: readonly NoteIssue["code"][]): NoteIssue[] {
  return subject.note ? validateNote(subject.note).filter((issue) => codes.includes(issue.code)) : [];
}

/** Counted by noteLength, the counter the editor uses too: each link is 1. Never cut to fit. */
export function lengthGate(subject: GateSubject): GateResult {
  if (!subject.note) return gateResult("length", false, NO_TEXT);
  const [problem] = issuesOf(subject, ["empty_text", "too_long"]);
  if (problem) return gateResult("length", false, problem.message);
  return gateResult("length", true, `${noteLength(subject.note.text)} of ${NOTE_MAX_LENGTH} characters (each link counts as 1).`);
}

export function urlPresentGate(subject: GateSubject): GateResult {
  if (!subject.note) return gateResult("url_present", false, NO_TEXT);
  const links = extractUrls(subject.note.text).length;
  if (links === 0) return gateResult("url_present", false, issuesOf(subject, ["empty_text", "missing_url"])[0]?.message ?? NO_TEXT);
  return gateResult("url_present", true, links === 1 ? "One link." : `${links} links.`);
}

export function classificationGate(subject: GateSubject): GateResult {
  if (!subject.note) return gateResult("classification", false, NO_TEXT);
  const problems = issuesOf(subject, ["unknown_classification", "unknown_tag", "repeated_tag", "tags_required", "tags_not_allowed"]);
  if (problems.length > 0) return gateResult("classification", false, problems.map((p) => p.message).join(" "));
  const { classification, misleadingTags } = subject.note;
  return gateResult(
    "classification",
    true,
    classification === "not_misleading"
      ? "Not misleading, with no misleading reasons."
      : `Misleading, because: ${misleadingTags.map((tag) => tag.replaceAll("_", " ")).join(", ")}.`,
  );
}
