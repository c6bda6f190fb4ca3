import "server-only";

import { Prisma, sql, type DraftState, type SubmissionState } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { NoteFields } from "@/lib/review/dto";
import { readFrozenSubmission, type FrozenRow } from "@/lib/submission/frozen";
import { buildNoteRequest, verifyFrozenRequest } from "@/lib/submission/note-request";
import { draftNoteColumns, draftNoteJoins, revisionOf, type DraftNoteRow, type PreparedNoteRequest } from "@/lib/submission/prepare";
import type { NewNote } from "@/lib/x";

import { standingColumns, standingJoins, toStandingFacts, type StandingColumns, type StandingFacts } from "./standing-facts";

/** What the gates judge: one note for one post, as it would go on the wire, and where it stands. */
export type GateSubject = {
  /** "frozen": a submission's request, checked against its approval hash (the send path). */
  source: "draft" | "frozen";
  draftId: string;
  draftState: DraftState;
  writerId: string;
  postId: string;
  /** The feed the draft came from. */
  feedTestMode: boolean;
  writerTestMode: boolean;
  /** null: the draft has no text yet. */
  note: NoteFields | null;
  payloadHash: string | null;
  submission: { id: string; state: SubmissionState; createdAt: Date } | null;
  standing: StandingFacts;
  /** A draft's subject whose note builds in its writer's mode: the request approval would freeze, and the draft version it was read at. */
  approval?: { version: number; request: PreparedNoteRequest };
};

/** Which note to judge: a draft's current revision (the browser's checklist) or a frozen submission (the send path). */
export type GateTarget = { draftId: string } | { submissionId: string };

export function loadSubject(target: GateTarget): Promise<GateSubject> {
  return "submissionId" in target ? subjectOfSubmission(target.submissionId) : subjectOfDraft(target.draftId);
}

type DraftRow = DraftNoteRow &
  StandingColumns & {
    draftState: DraftState;
    submissionId: string | null;
    submissionState: SubmissionState | null;
    submissionCreatedAt: Date | null;
  };

/**
 * The draft's current revision, as approval would freeze it now: through lib/submission's own
 * request builder, so the text judged is the trimmed text that would be sent and the hash is the
 * approval's. A note that can't be built (too long, no link…) still gets judged, with no hash.
 */
async function subjectOfDraft(draftId: string): Promise<GateSubject> {
  const [row] = await sql().$queryRaw<DraftRow[]>`
    SELECT d.state::text AS "draftState", ${draftNoteColumns},
           s.id AS "submissionId", s.state::text AS "submissionState", s.created_at AS "submissionCreatedAt", ${standingColumns}
      FROM drafts d
      ${draftNoteJoins}
      LEFT JOIN submissions s ON s.draft_id = d.id
      ${standingJoins(Prisma.raw("d.writer_id"), Prisma.raw("d.post_id"), Prisma.raw("d.test_mode"))}
     WHERE d.id = ${draftId}`;
  if (!row) throw new DomainError("not_found", "This draft no longer exists.");
  const { writerId, postId, writerTestMode } = row;
  const base = {
    source: "draft" as const,
    draftId,
    draftState: row.draftState,
    writerId,
    postId,
    feedTestMode: row.feedTestMode,
    writerTestMode,
    submission: row.submissionId && row.submissionState && row.submissionCreatedAt ? { id: row.submissionId, state: row.submissionState, createdAt: row.submissionCreatedAt } : null,
    standing: toStandingFacts(row),
  };
  const revision = revisionOf(row);
  if (!revision) return { ...base, note: null, payloadHash: null };
  try {
    const request = buildNoteRequest({ writerId, postId, testMode: writerTestMode, revision });
    if (row.feedTestMode !== writerTestMode) return { ...base, note: noteFields(request.note), payloadHash: null };
    const approval = { version: row.draftVersion, request: { ...request, writerId, postId, testMode: writerTestMode } };
    return { ...base, note: noteFields(request.note), payloadHash: request.payloadHash, approval };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...base, note: { ...revision, misleadingTags: [...revision.misleadingTags] }, payloadHash: null };
  }
}

/** Exactly the frozen request, verified against its approval hash first: a tampered one is refused outright. */
async function subjectOfSubmission(submissionId: string): Promise<GateSubject> {
  const frozen = await readFrozenSubmission(submissionId);
  if (!frozen) throw new DomainError("not_found", "This submission no longer exists.");
  const verified = verifyFrozenRequest(frozen, frozen.writerTestMode);
  if (!verified.ok) throw new DomainError("blocked", `Blocked before sending: ${verified.reason}. Nothing was sent to X.`);
  return subjectOfFrozen(frozen, verified.note);
}

/** The send path's subject from the row it read already: `note` is what verifyFrozenRequest gave back. */
export function subjectOfFrozen(frozen: FrozenRow, note: NewNote): GateSubject {
  return {
    source: "frozen",
    draftId: frozen.draftId,
    draftState: frozen.draftState,
    writerId: frozen.writerId,
    postId: frozen.postId,
    feedTestMode: frozen.testMode,
    writerTestMode: frozen.writerTestMode,
    note: noteFields(note),
    payloadHash: frozen.payloadHash,
    submission: { id: frozen.id, state: frozen.state, createdAt: frozen.createdAt },
    standing: frozen.standing,
  };
}

function noteFields(note: NewNote): NoteFields {
  return { text: note.text, classification: note.classification, misleadingTags: [...note.misleadingTags], trustworthySources: note.trustworthySources };
}
