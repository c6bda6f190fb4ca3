import type { DbClient } from "@/lib/db";
import { XApiError, type NormalizedWrittenNote, type NotesWrittenPage } from "@/lib/x";

import { seedDraft, validNote } from "../../tests/support/fixtures/review";
import type { NotesSource } from "./refresh";

/** Test-only helpers: written notes as lib/x normalizes them, and a notes_written source the test scripts. */

let sequence = 0;

export function writtenNote(overrides: Partial<NormalizedWrittenNote> = {}): NormalizedWrittenNote {
  sequence += 1;
  const buckets = { claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high", ...overrides.buckets };
  return {
    id: String(1_950_000_000_000_000_000n + BigInt(sequence)),
    postId: String(1_940_000_000_000_000_000n + BigInt(sequence)),
    text: `Note ${sequence}: the figure is 12%, not 48%. https://stats.valmora.gov/reports/${sequence}`,
    classification: "misinformed_or_potentially_misleading",
    misleadingTags: ["factual_error"],
    trustworthySources: true,
    status: null,
    evaluatorResults: Object.entries(buckets).map(([type, bucket]) => ({
      type,
      bucket,
      score: null,
      raw: { evaluator_type: type, evaluator_score_bucket: bucket },
    })),
    ...overrides,
    buckets,
  };
}

export type ScriptedNotes = { test: NormalizedWrittenNote[]; production: NormalizedWrittenNote[] | XApiError };

/** Serves `notes` (changeable between refreshes) in pages; `gate` holds the first page until it resolves. */
export function scriptedNotesSource(notes: ScriptedNotes, gate?: Promise<void>): NotesSource & { requests: boolean[] } {
  const requests: boolean[] = [];
  return {
    requests,
    async *iterateNotesWritten({ testMode, maxResults = 10, maxPages }) {
      requests.push(testMode);
      await gate;
      const all = testMode ? notes.test : notes.production;
      if (all instanceof XApiError) throw all;
      for (let page = 0; page < maxPages && page * maxResults < Math.max(all.length, 1); page++) {
        const slice = all.slice(page * maxResults, (page + 1) * maxResults);
        const last = (page + 1) * maxResults >= all.length;
        yield { notes: slice, nextToken: last ? null : `p${page + 1}`, resultCount: slice.length, problems: [], raw: null } satisfies NotesWrittenPage;
        if (last) return;
      }
    },
  };
}

export function notAdmittedError(): XApiError {
  return new XApiError({ kind: "not_admitted", endpoint: "GET /2/notes/search/notes_written", httpStatus: 403 });
}

export type NoteSeed = {
  writerId: string;
  testMode?: boolean;
  status?: string | null;
  buckets?: Partial<{ claimOpinion: string | null; urlValidity: string | null; harassmentAbuse: string | null }>;
  firstSeenAt?: Date;
  lastChangedAt?: Date;
  text?: string;
  submissionId?: string | null;
  postId?: string;
};

/** A written note straight into the database (and its post, if missing), with one snapshot of its state. */
export async function seedWrittenNote(db: DbClient, seed: NoteSeed): Promise<{ id: string; postId: string }> {
  const note = writtenNote({ status: seed.status ?? null, ...(seed.postId ? { postId: seed.postId } : {}) });
  const buckets = { claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high", ...seed.buckets };
  const firstSeenAt = seed.firstSeenAt ?? new Date();
  await db.post.upsert({ where: { id: note.postId }, create: { id: note.postId, text: `Post ${note.postId}`, contentHash: "h" }, update: {} });
  const state = { status: note.status, claimOpinion: buckets.claimOpinion, urlValidity: buckets.urlValidity, harassmentAbuse: buckets.harassmentAbuse };
  await db.writtenNote.create({
    data: {
      id: note.id, writerId: seed.writerId, postId: note.postId, testMode: seed.testMode ?? true, text: seed.text ?? note.text,
      classification: note.classification, misleadingTags: note.misleadingTags, trustworthySources: true, ...state,
      submissionId: seed.submissionId ?? null, firstSeenAt, lastSeenAt: firstSeenAt, lastChangedAt: seed.lastChangedAt ?? firstSeenAt,
    },
  });
  await db.noteSnapshot.create({ data: { noteId: note.id, observedAt: firstSeenAt, ...state } });
  return { id: note.id, postId: note.postId };
}

export type SubmittedNoteSeed = NoteSeed & {
  approverId: string;
  /** The AI's draft (revision 1). */
  aiText: string;
  /** What went to X; a human revision is added when it differs from the draft. */
  sentText?: string;
  evaluateScore?: number;
  approvedAt?: Date;
};

/** A note Notedesk sent: draft, AI revision (and a reviewer's edit), submission and the written note. */
export async function seedSubmittedNote(db: DbClient, seed: SubmittedNoteSeed): Promise<{ id: string; draftId: string; submissionId: string }> {
  const testMode = seed.testMode ?? true;
  const sent = seed.sentText ?? seed.aiText;
  const draft = await seedDraft(db, { writerId: seed.writerId, testMode, state: "submitted", note: validNote({ text: seed.aiText }) });
  let current = draft.revisionId;
  if (sent !== seed.aiText) {
    const edit = await db.revision.create({
      data: { draftId: draft.id, number: 2, authorKind: "human", authorId: seed.approverId, parentId: draft.revisionId, ...validNote({ text: sent }) },
      select: { id: true },
    });
    current = edit.id;
  }
  if (current && seed.evaluateScore !== undefined) await db.revision.update({ where: { id: current }, data: { checks: { evaluateScore: seed.evaluateScore } } });
  await db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: current } });
  const approvedAt = seed.approvedAt ?? new Date();
  const submission = await db.submission.create({
    data: {
      draftId: draft.id, writerId: seed.writerId, postId: draft.postId, testMode, idempotencyKey: `key-${draft.id}`,
      requestBody: { test_mode: testMode, post_id: draft.postId, info: { text: sent } }, payloadHash: "h", state: "succeeded",
      approvedById: seed.approverId, createdAt: approvedAt, completedAt: approvedAt, attempts: 1,
    },
    select: { id: true },
  });
  const note = await seedWrittenNote(db, { ...seed, postId: draft.postId, text: sent, submissionId: submission.id, firstSeenAt: seed.firstSeenAt ?? approvedAt });
  await db.submission.update({ where: { id: submission.id }, data: { xNoteId: note.id } });
  return { id: note.id, draftId: draft.id, submissionId: submission.id };
}
