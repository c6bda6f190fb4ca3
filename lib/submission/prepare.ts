import "server-only";

import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/review/sql";

import { buildNoteRequest, type NoteRequest } from "./note-request";

/**
 * The request a draft's current revision makes, in the mode its writer is in. The draft's own mode is
 * the feed it came from: a test-feed draft is never sent in production, or the reverse.
 */
export async function prepareNoteRequest(tx: Tx, draftId: string): Promise<NoteRequest & { writerId: string; postId: string; testMode: boolean }> {
  const draft = await tx.draft.findUnique({
    where: { id: draftId },
    select: {
      writerId: true,
      postId: true,
      testMode: true,
      writer: { select: { testMode: true } },
      currentRevision: { select: { text: true, classification: true, misleadingTags: true, trustworthySources: true } },
    },
  });
  if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
  if (!draft.currentRevision) throw new DomainError("blocked", "This draft has no note text yet. Write one before approving.");
  if (draft.writer.testMode !== draft.testMode) {
    const [feed, mode] = draft.testMode ? ["test", "production"] : ["production", "test"];
    throw new DomainError("blocked", `This draft came from the ${feed} feed but its writer is now in ${mode} mode, so it can't be sent.`);
  }
  const { writerId, postId, testMode } = draft;
  return { writerId, postId, testMode, ...buildNoteRequest({ writerId, postId, testMode: draft.writer.testMode, revision: draft.currentRevision }) };
}
