import type { DbClient, DraftState, SubmissionState } from "@/lib/db";
import { makePost } from "@/lib/drafting/testing/posts";
import { upsertPosts } from "@/lib/ingest/upsert-posts";
import { strongestAgainst, type TriageAssessment, type TriageReason, type TriageVerdict } from "@/lib/triage";

import { validNote } from "../../tests/support/fixtures/review";

/**
 * Test-only: one post's whole path through Notedesk, row by row, as the funnel and speed tests
 * describe it. Triage goes in through lib/ingest's upsert (so it lands wherever triage is stored);
 * everything else is written directly with the times the test gives.
 */

let sequence = 0;

export const NOTE_TEXT = "The fee rose 4%, not 40%. https://harbour.example.org/fees";

export type PathSeed = {
  writerId: string;
  testMode?: boolean;
  firstSeenAt: Date;
  postedAt?: Date | null;
  triage?: { verdict: TriageVerdict; reasons?: TriageReason[] };
  draft?: {
    state: DraftState;
    aiDecision?: string | null;
    createdAt?: Date;
    decidedAt?: Date | null;
    rejectReason?: string;
    rejectNote?: string;
    claimedById?: string;
    failureReason?: string;
    /** The AI draft's text; none when the AI wrote no note. */
    aiText?: string | null;
    /** The AI draft's local checks (lib/drafting's DraftChecks, or part of them). */
    checks?: Record<string, unknown>;
  };
  submission?: { state: SubmissionState; approverId: string; lastError?: string; completedAt?: Date; text?: string };
  note?: { claimOpinion: string | null; status: string | null };
  /** Audit rows on the draft: the queue entries and sending failures the insights read. */
  audit?: { action: string; at: Date }[];
};

export async function seedPath(db: DbClient, seed: PathSeed): Promise<{ postId: string; draftId: string | null; revisionId: string | null; noteId: string | null }> {
  sequence += 1;
  const testMode = seed.testMode ?? false;
  const postId = String(1_960_000_000_000_000_000n + BigInt(sequence) * 101n + BigInt(Date.now() % 100));
  const post = makePost({ id: postId, text: `Post ${sequence} says the harbour fee rose 40% in 2026.`, postedAt: seed.postedAt === null ? null : (seed.postedAt ?? seed.firstSeenAt).toISOString() });
  await upsertPosts(db, [post], seed.triage ? new Map([[postId, assessment(postId, seed.triage.verdict, seed.triage.reasons ?? [], seed.firstSeenAt)]]) : undefined);
  await db.post.update({ where: { id: postId }, data: { firstSeenAt: seed.firstSeenAt } });
  await db.eligibility.create({ data: { writerId: seed.writerId, postId, testMode, firstSeenAt: seed.firstSeenAt, lastSeenAt: seed.firstSeenAt } });

  if (!seed.draft) return { postId, draftId: null, revisionId: null, noteId: null };
  const d = seed.draft;
  const aiDecision = d.aiDecision === undefined ? "write_note" : d.aiDecision;
  const aiText = d.aiText !== undefined ? d.aiText : aiDecision === "write_note" ? NOTE_TEXT : null;
  const draft = await db.draft.create({
    data: {
      writerId: seed.writerId, postId, testMode, state: d.state, aiDecision,
      createdAt: d.createdAt ?? seed.firstSeenAt, decidedAt: d.decidedAt ?? null, decidedById: d.decidedAt ? (seed.submission?.approverId ?? null) : null,
      rejectReason: d.rejectReason ?? null, rejectNote: d.rejectNote ?? null, failureReason: d.failureReason ?? null,
      readyAt: d.state === "ready" ? seed.firstSeenAt : null,
      claimedById: d.claimedById ?? null, claimedAt: d.claimedById ? new Date() : null, claimedUntil: d.claimedById ? new Date(Date.now() + 10 * 60_000) : null,
    },
    select: { id: true },
  });
  let revisionId: string | null = null;
  if (aiText !== null) {
    const revision = await db.revision.create({
      data: { draftId: draft.id, number: 1, authorKind: "ai", ...validNote({ text: aiText }), checks: (d.checks ?? {}) as object, createdAt: d.createdAt ?? seed.firstSeenAt },
      select: { id: true },
    });
    revisionId = revision.id;
    await db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: revision.id } });
  }
  for (const event of seed.audit ?? []) {
    await db.auditEvent.create({ data: { action: event.action, subjectType: "draft", subjectId: draft.id, at: event.at } });
  }

  let submissionId: string | null = null;
  if (seed.submission) {
    const s = seed.submission;
    const created = await db.submission.create({
      data: {
        draftId: draft.id, writerId: seed.writerId, postId, testMode, idempotencyKey: `insights-${draft.id}`,
        requestBody: { test_mode: testMode, post_id: postId, info: { text: s.text ?? NOTE_TEXT } },
        payloadHash: "h", state: s.state, approvedById: s.approverId, lastError: s.lastError ?? null,
        completedAt: s.completedAt ?? null, attempts: s.state === "pending" ? 0 : 1,
      },
      select: { id: true },
    });
    submissionId = created.id;
  }

  if (!seed.note) return { postId, draftId: draft.id, revisionId, noteId: null };
  const noteId = String(1_970_000_000_000_000_000n + BigInt(sequence));
  await db.writtenNote.create({
    data: {
      id: noteId, writerId: seed.writerId, postId, testMode, text: seed.submission?.text ?? NOTE_TEXT,
      classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true,
      status: seed.note.status, claimOpinion: seed.note.claimOpinion, urlValidity: "high", harassmentAbuse: "high", submissionId,
    },
  });
  return { postId, draftId: draft.id, revisionId, noteId };
}

function assessment(postId: string, verdict: TriageVerdict, reasons: TriageReason[], at: Date): TriageAssessment {
  return {
    postId, checkability: verdict === "in" ? 0.8 : 0.2, verdict, blocked: reasons.some((r) => r.blocking), against: strongestAgainst(reasons),
    assessedBy: "heuristic", opinion: null,
    priorityBase: 0, priorityFactors: { noteRequests: 0, reach: null, reachEstimated: false }, agedFrom: at, priorityKey: 0,
  };
}
