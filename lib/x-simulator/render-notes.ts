import type { SimNote } from "./notebook";
import { productionStatus } from "./note-status";
import type { ResponseVariants } from "./variants";

export type NoteRenderContext = {
  simulatedNow: number;
  /** Evaluators answer "unknown" until a note is this old. */
  scoringDelayMs: number;
  variants: ResponseVariants;
  /** Requested note.fields; empty = X's default (id, info, status, test_result). */
  noteFields: ReadonlySet<string>;
};

function bucketText(bucket: string, variants: ResponseVariants): string {
  return variants.bucketCase === "capitalized" ? bucket.charAt(0).toUpperCase() + bucket.slice(1) : bucket;
}

function outcomes(note: SimNote, scored: boolean, variants: ResponseVariants): Record<string, unknown>[] {
  const bucket = (value: string) => bucketText(scored ? value : "unknown", variants);
  const claimOpinion = { evaluator_type: "ClaimOpinion", evaluator_score_bucket: bucket(note.scores.claimOpinion) };
  if (variants.testResult === "flat") return [claimOpinion];
  if (variants.evaluators === "historical") {
    const harassment = { low: 0.85, medium: 0.4, high: 0.05 }[note.scores.harassmentAbuse];
    const relevance = Math.min(1, Math.max(0, 0.5 + note.scores.claimOpinionScore / 4));
    return [
      claimOpinion,
      { evaluator_type: "TopicalRelevance", evaluator_score: Math.round(relevance * 1000) / 1000 },
      { evaluator_type: "HarassmentAbuse", evaluator_score: harassment },
    ];
  }
  return [
    claimOpinion,
    { evaluator_type: "UrlValidity", evaluator_score_bucket: bucket(note.scores.urlValidity) },
    { evaluator_type: "HarassmentAbuse", evaluator_score_bucket: bucket(note.scores.harassmentAbuse) },
  ];
}

function status(note: SimNote, ctx: NoteRenderContext): { status?: string } {
  if (!note.testMode) return { status: productionStatus(note.scores, ctx.simulatedNow - note.createdAtMs) };
  if (ctx.variants.testNoteStatus === "absent") return {};
  return { status: ctx.variants.testNoteStatus === "empty" ? "" : "needs_more_ratings" };
}

/** One notes_written entry in the selected variant. */
export function renderNote(note: SimNote, ctx: NoteRenderContext): Record<string, unknown> {
  const wants = (field: string) => ctx.noteFields.size === 0 || ctx.noteFields.has(field);
  const postIdInInfo = ctx.variants.postIdPlacement === "info";
  const scored = ctx.simulatedNow - note.createdAtMs >= ctx.scoringDelayMs;
  const [flat] = outcomes(note, scored, ctx.variants);
  return {
    id: note.id,
    ...(wants("info") && {
      info: {
        text: note.text,
        classification: note.classification,
        misleading_tags: note.misleadingTags,
        ...(postIdInInfo && { post_id: note.postId }),
        trustworthy_sources: note.trustworthySources,
        ...(note.isMediaNote && { is_media_note: true }),
      },
    }),
    ...(!postIdInInfo && { post_id: note.postId }),
    ...(wants("status") && status(note, ctx)),
    ...(wants("test_result") && {
      test_result: ctx.variants.testResult === "flat" ? flat : { evaluation_outcome: outcomes(note, scored, ctx.variants) },
    }),
  };
}
