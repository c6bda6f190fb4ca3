import "server-only";

import { Prisma, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import { buildNoteRequest, type NoteRequest, type NoteSource } from "./note-request";

/** A draft's current note and its writer's mode now, as columns of a query over drafts `d` (with draftNoteJoins). */
export const draftNoteColumns = Prisma.sql`
  d.version AS "draftVersion", d.writer_id AS "writerId", d.post_id AS "postId", d.test_mode AS "feedTestMode", w.test_mode AS "writerTestMode",
  r.text, r.classification, r.misleading_tags AS "misleadingTags", r.trustworthy_sources AS "trustworthySources"`;

export const draftNoteJoins = Prisma.sql`
  JOIN writers w ON w.id = d.writer_id
  LEFT JOIN revisions r ON r.id = d.current_revision_id`;

export type DraftNoteRow = {
  draftVersion: number;
  writerId: string;
  postId: string;
  feedTestMode: boolean;
  writerTestMode: boolean;
  text: string | null;
  classification: string | null;
  misleadingTags: string[] | null;
  trustworthySources: boolean | null;
};

/** The current revision's fields; null when the draft has no text yet. */
export function revisionOf(row: DraftNoteRow): NoteSource["revision"] | null {
  if (row.text === null) return null;
  return { text: row.text, classification: row.classification ?? "", misleadingTags: row.misleadingTags ?? [], trustworthySources: row.trustworthySources ?? false };
}

/** The draft's note row, for noteRequestOf; undefined when the draft is gone. */
export async function readDraftNote(tx: SqlRunner, draftId: string): Promise<DraftNoteRow | undefined> {
  const [draft] = await tx.$queryRaw<DraftNoteRow[]>`SELECT ${draftNoteColumns} FROM drafts d ${draftNoteJoins} WHERE d.id = ${draftId}`;
  return draft;
}

export type PreparedNoteRequest = NoteRequest & { writerId: string; postId: string; testMode: boolean };

/**
 * The request a draft's current revision makes, in the mode its writer is in. The draft's own mode is
 * the feed it came from: a test-feed draft is never sent in production, or the reverse.
 */
export function noteRequestOf(draft: DraftNoteRow | undefined): PreparedNoteRequest {
  if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
  const revision = revisionOf(draft);
  if (!revision) throw new DomainError("blocked", "This draft has no note text yet. Write one before approving.");
  if (draft.writerTestMode !== draft.feedTestMode) {
    const [feed, mode] = draft.feedTestMode ? ["test", "production"] : ["production", "test"];
    throw new DomainError("blocked", `This draft came from the ${feed} feed but its writer is now in ${mode} mode, so it can't be sent.`);
  }
  const { writerId, postId, feedTestMode: testMode } = draft;
  return { writerId, postId, testMode, ...buildNoteRequest({ writerId, postId, testMode, revision }) };
}

export async function prepareNoteRequest(tx: SqlRunner, draftId: string): Promise<PreparedNoteRequest> {
  return noteRequestOf(await readDraftNote(tx, draftId));
}
