import { createHash } from "node:crypto";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DomainError } from "@/lib/errors";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "@/lib/x/test-support";
import type { ResponseVariants } from "@/lib/x-simulator";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedDraft, seedUser } from "../../tests/support/fixtures/review";
import { refreshWrittenNotes } from "./refresh";
import { notAdmittedError, scriptedNotesSource, writtenNote } from "./test-support";

let t: TestDatabase;
let writer: { id: string; testMode: boolean };

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE written_notes, note_snapshots, note_evaluations, submissions, drafts, revisions, posts, job_runs, writers CASCADE`;
  writer = await t.db.writer.create({ data: { name: "w" }, select: { id: true, testMode: true } });
});

const snapshotCount = () => t.db.noteSnapshot.count();
const HOUR = 3_600_000;

describe("refreshing from the simulator", () => {
  let ctx: SimulatedClient;
  afterEach(() => ctx.sim.stop());

  async function write(text: string, testMode: boolean, index = 0): Promise<string> {
    const post = ctx.sim.control.posts(testMode).filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))[index];
    if (!post) throw new Error("no notable post");
    const outcome = await ctx.client.createNote({ testMode, postId: post.id, text, classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true });
    if (outcome.kind !== "created") throw new Error(outcome.kind);
    return outcome.noteId;
  }

  async function start(variants: Partial<ResponseVariants> = {}) {
    ctx = await startSimulatedClient({ rateLimits: { requestsPerWindow: 10_000 } });
    ctx.sim.control.setVariants(variants);
  }

  it("stores every note with one snapshot, and a second refresh adds nothing", async () => {
    await start();
    for (let i = 0; i < 3; i++) await write(goodNoteText, true, i);
    ctx.sim.control.advanceClock(2 * 60_000);

    const first = await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    expect(first).toMatchObject({ state: "succeeded", production: "not_admitted", counts: { test: 3, new: 3, changed: 0 } });
    expect(await snapshotCount()).toBe(3);
    const before = await t.db.writtenNote.findMany({ orderBy: { id: "asc" }, select: { id: true, lastChangedAt: true, status: true } });

    const second = await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    expect(second.counts).toMatchObject({ test: 3, new: 0, changed: 0 });
    expect(await snapshotCount()).toBe(3);
    expect(await t.db.writtenNote.findMany({ orderBy: { id: "asc" }, select: { id: true, lastChangedAt: true, status: true } })).toEqual(before);

    const run = await t.db.jobRun.findUniqueOrThrow({ where: { id: second.runId } });
    expect(run).toMatchObject({ kind: "notes_refresh", state: "succeeded", writerId: writer.id, progress: 3 });
    expect(run.counts).toMatchObject({ notes: 3, new: 0, changed: 0 });
  });

  it("appends exactly one snapshot when a production note's status moves", async () => {
    await start();
    ctx.sim.control.admitWriter();
    const productionNote = await write(goodNoteText, false);
    await write(goodNoteText, true);
    ctx.sim.control.advanceClock(2 * 60_000);
    const first = await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    expect(first).toMatchObject({ production: "read", counts: { test: 1, production: 1, new: 2 } });
    expect(await t.db.writtenNote.findUniqueOrThrow({ where: { id: productionNote } })).toMatchObject({ status: "needs_more_ratings", testMode: false });

    ctx.sim.control.advanceClock(7 * HOUR);
    const second = await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    expect(second.counts).toMatchObject({ new: 0, changed: 1 });
    const history = await t.db.noteSnapshot.findMany({ where: { noteId: productionNote }, orderBy: { id: "asc" }, select: { status: true } });
    expect(history.map((s) => s.status)).toEqual(["needs_more_ratings", "currently_rated_helpful"]);
    expect(await snapshotCount()).toBe(3);
  });

  it("snapshots a test note once X scores it, from unknown to its buckets", async () => {
    await start();
    const noteId = await write(goodNoteText, true);
    await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    ctx.sim.control.advanceClock(2 * 60_000);
    await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    const history = await t.db.noteSnapshot.findMany({ where: { noteId }, orderBy: { id: "asc" }, select: { claimOpinion: true, urlValidity: true } });
    expect(history).toEqual([
      { claimOpinion: "unknown", urlValidity: "unknown" },
      { claimOpinion: "high", urlValidity: "high" },
    ]);
  });

  it("keeps capitalized buckets as sent while storing them lower-cased", async () => {
    await start({ bucketCase: "capitalized" });
    const noteId = await write(goodNoteText, true);
    ctx.sim.control.advanceClock(2 * 60_000);
    await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    const note = await t.db.writtenNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(note).toMatchObject({ claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high", status: null });
    expect(note.evaluatorResults).toEqual([
      { evaluator_type: "ClaimOpinion", evaluator_score_bucket: "High" },
      { evaluator_type: "UrlValidity", evaluator_score_bucket: "High" },
      { evaluator_type: "HarassmentAbuse", evaluator_score_bucket: "High" },
    ]);
  });

  it("reads the flat test_result of the older spec, with post_id beside info", async () => {
    await start({ testResult: "flat", postIdPlacement: "top_level", bucketCase: "lowercase" });
    const noteId = await write(goodNoteText, true);
    ctx.sim.control.advanceClock(2 * 60_000);
    await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    const note = await t.db.writtenNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(note).toMatchObject({ claimOpinion: "high", urlValidity: null, harassmentAbuse: null });
    expect(note.evaluatorResults).toEqual([{ evaluator_type: "ClaimOpinion", evaluator_score_bucket: "high" }]);
    expect(note.postId).toMatch(/^\d+$/);
  });

  it("keeps historical float evaluators (TopicalRelevance, HarassmentAbuse as a score) as they came", async () => {
    await start({ evaluators: "historical" });
    const noteId = await write("I think the rise was 12%. https://stats.valmora.gov/r", true);
    ctx.sim.control.advanceClock(2 * 60_000);
    await refreshWrittenNotes({ writer, client: ctx.client, db: t.db });
    const note = await t.db.writtenNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(note).toMatchObject({ claimOpinion: "medium", harassmentAbuse: null });
    expect(note.evaluatorResults).toEqual([
      { evaluator_type: "ClaimOpinion", evaluator_score_bucket: "Medium" },
      { evaluator_type: "TopicalRelevance", evaluator_score: 0.625 },
      { evaluator_type: "HarassmentAbuse", evaluator_score: 0.05 },
    ]);
  });
});

describe("linking notes to what produced them", () => {
  async function submitted(note: { id: string; postId: string }, options: { xNoteId: string | null; evaluateScore?: number; testMode?: boolean }) {
    const approver = await seedUser(t.db, "Ann Approver");
    const draft = await seedDraft(t.db, { writerId: writer.id, postId: note.postId, testMode: options.testMode ?? true, state: "submitted" });
    if (options.evaluateScore !== undefined && draft.revisionId) {
      await t.db.revision.update({ where: { id: draft.revisionId }, data: { checks: { evaluateScore: options.evaluateScore } } });
    }
    return t.db.submission.create({
      data: {
        draftId: draft.id, writerId: writer.id, postId: note.postId, testMode: options.testMode ?? true, idempotencyKey: `k-${draft.id}`,
        requestBody: {}, payloadHash: "h", state: "succeeded", xNoteId: options.xNoteId, approvedById: approver.id,
      },
      select: { id: true },
    });
  }

  it("links by X note id, then by post and mode, and carries the evaluate_note score into the snapshot", async () => {
    const byId = writtenNote();
    const byPost = writtenNote();
    const stranger = writtenNote();
    const s1 = await submitted(byId, { xNoteId: byId.id, evaluateScore: 1.4 });
    const s2 = await submitted(byPost, { xNoteId: null });
    await submitted(stranger, { xNoteId: null, testMode: false }); // same post, other mode: not this note's

    const result = await refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [byId, byPost, stranger], production: [] }), db: t.db });
    expect(result.counts.linked).toBe(2);
    const links = await t.db.writtenNote.findMany({ select: { id: true, submissionId: true } });
    expect(Object.fromEntries(links.map((l) => [l.id, l.submissionId]))).toEqual({ [byId.id]: s1.id, [byPost.id]: s2.id, [stranger.id]: null });
    const snapshot = await t.db.noteSnapshot.findFirstOrThrow({ where: { noteId: byId.id } });
    expect(snapshot.claimOpinionScore).toBe(1.4);
  });

  it("takes the score the submission gates stored for the note's exact text, sent from Notedesk or not", async () => {
    const evaluated = writtenNote();
    const unevaluated = writtenNote();
    await t.db.noteEvaluation.create({ data: { postId: evaluated.postId, textHash: createHash("sha256").update(evaluated.text, "utf8").digest("hex"), claimOpinionScore: -0.8 } });
    await t.db.noteEvaluation.create({ data: { postId: unevaluated.postId, textHash: createHash("sha256").update("another text", "utf8").digest("hex"), claimOpinionScore: 2 } });
    await refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [evaluated, unevaluated], production: [] }), db: t.db });
    const scores = await t.db.noteSnapshot.findMany({ select: { noteId: true, claimOpinionScore: true } });
    expect(Object.fromEntries(scores.map((s) => [s.noteId, s.claimOpinionScore]))).toEqual({ [evaluated.id]: -0.8, [unevaluated.id]: null });
  });

  it("gives a note on a post Notedesk never synced a placeholder post and leaves known posts alone", async () => {
    const known = writtenNote();
    await t.db.post.create({ data: { id: known.postId, text: "A post we synced", contentHash: "abc" } });
    const unknown = writtenNote();
    await refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [known, unknown], production: [] }), db: t.db });
    expect(await t.db.post.findUniqueOrThrow({ where: { id: known.postId }, select: { text: true, contentHash: true } })).toEqual({ text: "A post we synced", contentHash: "abc" });
    expect(await t.db.post.findUniqueOrThrow({ where: { id: unknown.postId }, select: { text: true } })).toEqual({ text: "" });
  });
});

describe("the run", () => {
  it("stores unknown statuses as data", async () => {
    const odd = writtenNote({ status: "rated_by_martians" });
    await refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [], production: [odd] }), db: t.db });
    expect(await t.db.writtenNote.findUniqueOrThrow({ where: { id: odd.id }, select: { status: true, testMode: true } })).toEqual({ status: "rated_by_martians", testMode: false });
  });

  it("fails when a writer in production mode is refused production", async () => {
    const production = await t.db.writer.create({ data: { name: "live", testMode: false }, select: { id: true, testMode: true } });
    const result = await refreshWrittenNotes({ writer: production, client: scriptedNotesSource({ test: [writtenNote()], production: notAdmittedError() }), db: t.db });
    expect(result.state).toBe("failed");
    expect(result.errors[0]?.message).toMatch(/^Production notes: Production \(test_mode=false\) is refused/);
    expect(result.counts.test).toBe(1);
  });

  it("refuses a second refresh for the writer while one runs", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [writtenNote()], production: [] }, gate), db: t.db });
    await expect.poll(() => t.db.jobRun.count({ where: { state: "running" } })).toBe(1);

    const second = refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: [], production: [] }), db: t.db });
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: "conflict" });
    release();
    expect((await slow).state).toBe("succeeded");
  });

  it("reads every page", async () => {
    const many = Array.from({ length: 250 }, () => writtenNote());
    const result = await refreshWrittenNotes({ writer, client: scriptedNotesSource({ test: many, production: [] }), db: t.db });
    expect(result.counts).toMatchObject({ pages: 4, test: 250, new: 250 });
    expect(await t.db.writtenNote.count()).toBe(250);
  });
});
