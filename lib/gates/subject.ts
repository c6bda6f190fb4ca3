import "server-only";

import { getDb, type SubmissionState } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { NoteFields } from "@/lib/review/dto";
import { buildNoteRequest, verifyFrozenRequest } from "@/lib/submission/note-request";
import type { NewNote } from "@/lib/x";

/** What the gates judge: one note for one post, as it would go on the wire, and where it stands. */
export type GateSubject = {
  draftId: string;
  writerId: string;
  postId: string;
  /** The feed the draft came from. */
  feedTestMode: boolean;
  writerTestMode: boolean;
  /** null: the draft has no text yet. */
  note: NoteFields | null;
  payloadHash: string | null;
  submission: { id: string; state: SubmissionState; createdAt: Date } | null;
};

/** Which note to judge: a draft's current revision (the browser's checklist) or a frozen submission (the send path). */
export type GateTarget = { draftId: string } | { submissionId: string };

export function loadSubject(target: GateTarget): Promise<GateSubject> {
  return "submissionId" in target ? subjectOfSubmission(target.submissionId) : subjectOfDraft(target.draftId);
}

const submissionSelect = { id: true, state: true, createdAt: true } as const;

/**
 * The draft's current revision, as approval would freeze it now: through lib/submission's own
 * request builder, so the text judged is the trimmed text that would be sent and the hash is the
 * approval's. A note that can't be built (too long, no link…) still gets judged, with no hash.
 */
async function subjectOfDraft(draftId: string): Promise<GateSubject> {
  const draft = await getDb().draft.findUnique({
    where: { id: draftId },
    select: {
      writerId: true,
      postId: true,
      testMode: true,
      writer: { select: { testMode: true } },
      currentRevision: { select: { text: true, classification: true, misleadingTags: true, trustworthySources: true } },
      submission: { select: submissionSelect },
    },
  });
  if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
  const { writerId, postId, currentRevision: revision } = draft;
  const base = { draftId, writerId, postId, feedTestMode: draft.testMode, writerTestMode: draft.writer.testMode, submission: draft.submission };
  if (!revision) return { ...base, note: null, payloadHash: null };
  try {
    const request = buildNoteRequest({ writerId, postId, testMode: draft.writer.testMode, revision });
    return {
      ...base,
      note: noteFields(request.note),
      payloadHash: draft.testMode === draft.writer.testMode ? request.payloadHash : null,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...base, note: { ...revision }, payloadHash: null };
  }
}

/** Exactly the frozen request, verified against its approval hash first: a tampered one is refused outright. */
async function subjectOfSubmission(submissionId: string): Promise<GateSubject> {
  const frozen = await getDb().submission.findUnique({
    where: { id: submissionId },
    select: { ...submissionSelect, draftId: true, writerId: true, postId: true, testMode: true, requestBody: true, payloadHash: true, writer: { select: { testMode: true } } },
  });
  if (!frozen) throw new DomainError("not_found", "This submission no longer exists.");
  const verified = verifyFrozenRequest(frozen, frozen.writer.testMode);
  if (!verified.ok) throw new DomainError("blocked", `Blocked before sending: ${verified.reason}. Nothing was sent to X.`);
  return {
    draftId: frozen.draftId,
    writerId: frozen.writerId,
    postId: frozen.postId,
    feedTestMode: frozen.testMode,
    writerTestMode: frozen.writer.testMode,
    note: noteFields(verified.note),
    payloadHash: frozen.payloadHash,
    submission: { id: frozen.id, state: frozen.state, createdAt: frozen.createdAt },
  };
}

function noteFields(note: NewNote): NoteFields {
  return { text: note.text, classification: note.classification, misleadingTags: [...note.misleadingTags], trustworthySources: note.trustworthySources };
}
