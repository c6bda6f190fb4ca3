import { z } from "zod";

import type { NoteInput } from "@/lib/note-text";

import { extractJsonObject } from "./extract-json";
import { wireNoteSchema } from "./wire-note";

export const draftDecisions = ["write_note", "no_note_needed", "not_enough_evidence"] as const;
export type DraftDecision = (typeof draftDecisions)[number];
export type Abstention = Exclude<DraftDecision, "write_note">;

export const storyAssessments = ["SAME_STORY", "STORY_CHANGED", "STORY_CORRECTION", "QUALITY_ISSUE", "SOURCE_UPGRADE"] as const;
export type StoryAssessment = (typeof storyAssessments)[number];

export const incorporatedStatuses = ["YES", "NO", "PARTIALLY"] as const;
export type IncorporatedStatus = (typeof incorporatedStatuses)[number];

export type DraftAnswer =
  | { decision: "write_note"; rationale: string; note: NoteInput }
  | { decision: Abstention; rationale: string };

/** The draft prompt's answer. A note is required with "write_note" and must be absent (or null) otherwise. */
export const draftAnswerSchema = z
  .object({
    decision: z.enum(draftDecisions),
    rationale: z.string(),
    note: wireNoteSchema.nullish(),
  })
  .transform(({ decision, rationale, note }, ctx): DraftAnswer => {
    if (decision === "write_note") {
      if (note) return { decision, rationale, note };
      ctx.addIssue({ code: "custom", path: ["note"], message: 'is required when decision is "write_note"' });
    } else {
      if (!note) return { decision, rationale };
      ctx.addIssue({ code: "custom", path: ["note"], message: `must be null when decision is "${decision}"` });
    }
    return z.NEVER;
  });

export type SuggestionDisposition = { suggestionId: string; status: IncorporatedStatus; explanation: string };

export type ReviseAnswer = {
  storyAssessment: StoryAssessment;
  rationale: string;
  note: NoteInput;
  dispositions: SuggestionDisposition[];
};

export const reviseAnswerSchema = z
  .object({
    story_assessment: z.enum(storyAssessments),
    rationale: z.string(),
    note: wireNoteSchema,
    suggestions: z.array(
      z.object({ id: z.string(), incorporated_status: z.enum(incorporatedStatuses), explanation: z.string() }),
    ),
  })
  .transform(
    (answer): ReviseAnswer => ({
      storyAssessment: answer.story_assessment,
      rationale: answer.rationale,
      note: answer.note,
      dispositions: answer.suggestions.map((s) => ({
        suggestionId: s.id,
        status: s.incorporated_status,
        explanation: s.explanation,
      })),
    }),
  );

/** What the offline drafter writes, typed against the same schemas the answers are parsed with. */
export type DraftAnswerJson = z.input<typeof draftAnswerSchema>;
export type ReviseAnswerJson = z.input<typeof reviseAnswerSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Tolerant about the wrapping (fences, prose), strict about the content. */
export function parseAnswer<T>(raw: string, schema: z.ZodType<T>): Parsed<T> {
  const extracted = extractJsonObject(raw);
  if (!extracted.ok) return extracted;
  const result = schema.safeParse(extracted.value);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "answer"}: ${issue.message}`);
  return { ok: false, error: `The JSON does not match the required shape. ${problems.join("; ")}.` };
}
