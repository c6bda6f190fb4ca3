import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { noteInputSchema, noteLength, validateNote, type NoteInput } from "@/lib/note-text";
import { DomainError } from "@/lib/errors";

import { describeClaim } from "./claim-label";
import type { Actor, NoteFields, RevisionDto } from "./dto";
import { revisionSelect, toRevisionDto } from "./revision-read";
import { claimLeaseEnd, inTransaction, utcNow, type Tx } from "./sql";
import { readStanding } from "./standing";
import { draftStateLabels } from "./transitions";

export type RevisionEdit = {
  /** The revision the edit started from; null for a draft that had no text yet (a reopened "no note"). */
  baseRevisionId: string | null;
  /** The draft version the editor loaded. */
  expectedVersion: number;
  /** Raw editor fields; validated here, never truncated. */
  note: unknown;
};

export type SaveRevisionResult =
  | { kind: "saved"; version: number; revision: RevisionDto }
  /**
   * Someone saved first. Nothing was overwritten: `theirs` is what the draft holds now, `yours` is
   * the unsaved edit exactly as submitted, so the editor can show both and a diff.
   */
  | {
      kind: "conflict";
      version: number;
      theirs: RevisionDto | null;
      yours: { baseRevisionId: string | null; note: NoteFields };
      message: string;
    };

/**
 * Saves an edit as a new immutable human revision and makes it current. The draft row is moved
 * first by one conditional UPDATE (version, base revision and claim in its WHERE): it is both the
 * optimistic check and the lock that numbers revisions without a race.
 */
export async function saveRevision(draftId: string, edit: RevisionEdit, actor: Actor): Promise<SaveRevisionResult> {
  const note = noteInputSchema.parse(edit.note);
  return inTransaction(async (tx) => {
    const [moved] = await tx.$queryRaw<{ version: number }[]>`
      UPDATE drafts AS d SET version = d.version + 1, updated_at = ${utcNow}, claimed_until = ${claimLeaseEnd}
      WHERE d.id = ${draftId} AND d.state = 'ready' AND d.version = ${edit.expectedVersion}
        AND d.current_revision_id IS NOT DISTINCT FROM ${edit.baseRevisionId}
        AND d.claimed_by_id = ${actor.id}
      RETURNING d.version`;
    if (!moved) return refusal(tx, draftId, edit, note, actor);

    const revision = await tx.revision.create({
      data: {
        draftId,
        number: (await lastRevisionNumber(tx, draftId)) + 1,
        authorKind: "human",
        authorId: actor.id,
        parentId: edit.baseRevisionId,
        text: note.text,
        classification: note.classification,
        misleadingTags: note.misleadingTags,
        trustworthySources: note.trustworthySources,
        checks: { length: noteLength(note.text), issues: validateNote(note) },
      },
      select: revisionSelect,
    });
    await tx.draft.update({ where: { id: draftId }, data: { currentRevisionId: revision.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "draft.revise",
      subjectType: "draft",
      subjectId: draftId,
      before: { version: edit.expectedVersion, revisionId: edit.baseRevisionId },
      after: { version: moved.version, revisionId: revision.id, number: revision.number },
    });
    return { kind: "saved", version: moved.version, revision: toRevisionDto(revision) };
  });
}

async function lastRevisionNumber(tx: Tx, draftId: string): Promise<number> {
  const last = await tx.revision.findFirst({ where: { draftId }, orderBy: { number: "desc" }, select: { number: true } });
  return last?.number ?? 0;
}

/** Why the save was declined. A lost claim or a draft that left the queue is an error; a newer version is a conflict result. */
async function refusal(tx: Tx, draftId: string, edit: RevisionEdit, note: NoteInput, actor: Actor): Promise<SaveRevisionResult> {
  const draft = await readStanding(tx, draftId);
  if (draft.state !== "ready") {
    throw new DomainError("invalid_state", `This draft is ${draftStateLabels[draft.state]} now, so it can't be edited. Your text is still in the editor.`);
  }
  if (draft.claimedById !== actor.id) {
    const holder = draft.claim ? `It is ${describeClaim(draft.claim)}.` : "Claim it again to save.";
    throw new DomainError("conflict", `You no longer hold this draft. ${holder} Your text is still in the editor.`);
  }
  const theirs = draft.currentRevisionId
    ? await tx.revision.findUnique({ where: { id: draft.currentRevisionId }, select: revisionSelect })
    : null;
  return {
    kind: "conflict",
    version: draft.version,
    theirs: theirs ? toRevisionDto(theirs) : null,
    yours: { baseRevisionId: edit.baseRevisionId, note },
    message: "Someone saved a newer version while you were editing. Nothing was overwritten: compare the two, then save yours on top of theirs if you still want it.",
  };
}
