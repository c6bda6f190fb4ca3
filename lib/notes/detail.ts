import "server-only";

import { listAuditEvents, type AuditEventDto } from "@/lib/audit/list";
import { getDb } from "@/lib/db";
import type { RevisionDto, SuggestionDto } from "@/lib/review/dto";
import { revisionSelect, toRevisionDto } from "@/lib/review/revision-read";
import { listSuggestions } from "@/lib/review/suggestions";

import type { NoteBuckets, NoteRowDto } from "./dto";
import { readEvaluatorResults, type StoredEvaluatorResult } from "./evaluators";
import { findNoteRow } from "./list";

export type NoteSnapshotDto = NoteBuckets & {
  observedAt: string;
  status: string | null;
  results: StoredEvaluatorResult[];
  claimOpinionScore: number | null;
};

export type NoteDetailDto = {
  note: NoteRowDto & {
    writerId: string;
    classification: string;
    misleadingTags: string[];
    trustworthySources: boolean;
    results: StoredEvaluatorResult[];
    postAuthor: string | null;
  };
  /** Every observed change of status or bucket, oldest first. */
  timeline: NoteSnapshotDto[];
  submission: { id: string; state: string; attempts: number; approvedBy: string; approvedAt: Date; completedAt: Date | null } | null;
  draft: { id: string; state: string; currentRevisionId: string | null; aiDecision: string | null; aiRationale: string | null } | null;
  /** The draft's revisions, oldest first: the AI's draft and every edit up to what was sent. */
  revisions: RevisionDto[];
  suggestions: SuggestionDto[];
  /** What happened to the draft and its submission (claims, edits, decisions, sending). */
  history: AuditEventDto[];
};

export async function noteDetail(noteId: string): Promise<NoteDetailDto | null> {
  const db = getDb();
  const [row, note] = await Promise.all([
    findNoteRow(noteId),
    db.writtenNote.findUnique({
      where: { id: noteId },
      select: {
        writerId: true,
        classification: true,
        misleadingTags: true,
        trustworthySources: true,
        evaluatorResults: true,
        post: { select: { authorUsername: true } },
        snapshots: {
          orderBy: [{ observedAt: "asc" }, { id: "asc" }],
          select: { observedAt: true, status: true, claimOpinion: true, urlValidity: true, harassmentAbuse: true, evaluatorResults: true, claimOpinionScore: true },
        },
        submission: {
          select: {
            id: true, state: true, attempts: true, createdAt: true, completedAt: true,
            approvedBy: { select: { name: true } },
            draft: {
              select: {
                id: true, state: true, currentRevisionId: true, aiDecision: true, aiRationale: true,
                revisions: { orderBy: { number: "asc" }, select: revisionSelect },
              },
            },
          },
        },
      },
    }),
  ]);
  if (!row || !note) return null;

  const { submission } = note;
  const draft = submission?.draft ?? null;
  const [history, suggestions] = submission && draft
    ? await Promise.all([listAuditEvents([{ type: "draft", id: draft.id }, { type: "submission", id: submission.id }]), listSuggestions(draft.id)])
    : [[], []];
  return {
    note: {
      ...row,
      writerId: note.writerId,
      classification: note.classification,
      misleadingTags: note.misleadingTags,
      trustworthySources: note.trustworthySources,
      results: readEvaluatorResults(note.evaluatorResults),
      postAuthor: note.post?.authorUsername ?? null,
    },
    timeline: note.snapshots.map(({ evaluatorResults, observedAt, ...snapshot }) => ({
      ...snapshot,
      observedAt: observedAt.toISOString(),
      results: readEvaluatorResults(evaluatorResults),
    })),
    submission: submission && {
      id: submission.id,
      state: submission.state,
      attempts: submission.attempts,
      approvedBy: submission.approvedBy.name,
      approvedAt: submission.createdAt,
      completedAt: submission.completedAt,
    },
    draft: draft && { id: draft.id, state: draft.state, currentRevisionId: draft.currentRevisionId, aiDecision: draft.aiDecision, aiRationale: draft.aiRationale },
    revisions: draft?.revisions.map(toRevisionDto) ?? [],
    suggestions,
    history,
  };
}
