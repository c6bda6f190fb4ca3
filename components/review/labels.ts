import type { DraftState } from "@/lib/db/enums";
import type { BadgeTone } from "@/components/ui/badge";
import { classifications, misleadingTags, type Classification, type MisleadingTag } from "@/lib/note-text/values";
import type { MediaType } from "@/lib/posts/media-types";
import { aiDecisions } from "@/lib/review/queue-filter-values";

/** The words the review UI uses for the domain's codes: one place, so list, detail and dialogs agree. */

export const stateLabels: Record<DraftState, string> = {
  new: "Waiting",
  drafting: "Drafting",
  ready: "Ready",
  approved: "Approved",
  submitting: "Sending",
  submitted: "Submitted",
  no_note: "No note",
  rejected: "Rejected",
  skipped: "Skipped",
  failed: "Failed",
  needs_reconcile: "Needs reconcile",
};

export const stateTones: Record<DraftState, BadgeTone> = {
  new: "neutral",
  drafting: "neutral",
  ready: "info",
  approved: "info",
  submitting: "warn",
  submitted: "good",
  no_note: "neutral",
  rejected: "neutral",
  skipped: "neutral",
  failed: "bad",
  needs_reconcile: "warn",
};

/** The states a reviewer moves between, in the order of the flow; the others follow. */
export const stateTabOrder: DraftState[] = ["ready", "approved", "submitting", "needs_reconcile", "submitted", "failed", "rejected", "no_note", "new", "drafting", "skipped"];

export const classificationLabels: Record<Classification, string> = {
  misinformed_or_potentially_misleading: "Misleading",
  not_misleading: "Not misleading",
};

export function classificationLabel(value: string): string {
  return (classifications as readonly string[]).includes(value) ? classificationLabels[value as Classification] : value;
}

export const tagLabels: Record<MisleadingTag, string> = {
  disputed_claim_as_fact: "Disputed claim as fact",
  factual_error: "Factual error",
  manipulated_media: "Manipulated media",
  misinterpreted_satire: "Misinterpreted satire",
  missing_important_context: "Missing important context",
  other: "Other",
  outdated_information: "Outdated information",
};

export function tagLabel(value: string): string {
  return (misleadingTags as readonly string[]).includes(value) ? tagLabels[value as MisleadingTag] : value;
}

export const aiDecisionLabels: Record<(typeof aiDecisions)[number], string> = {
  write_note: "Write a note",
  no_note_needed: "No note needed",
  not_enough_evidence: "Not enough evidence",
};

export function aiDecisionLabel(value: string | null): string {
  if (value === null) return "—";
  return (aiDecisions as readonly string[]).includes(value) ? aiDecisionLabels[value as (typeof aiDecisions)[number]] : value;
}

export const mediaLabels: Record<MediaType, string> = {
  none: "Text only",
  photo: "Photo",
  video: "Video",
  animated_gif: "GIF",
  mixed: "Mixed media",
};

export function mediaLabel(value: string): string {
  return value in mediaLabels ? mediaLabels[value as MediaType] : value;
}
