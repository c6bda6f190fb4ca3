import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { goodNoteText, startSimulatedClient, type SimulatedClient } from "@/lib/x/test-support";
import { seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { approveAndSubmit } from "./approve-and-submit";
import { reconcileSubmission } from "./reconcile";
import { scriptedGateDeps } from "@/lib/gates/test-support";

// Every gate passes unless a test says otherwise: these tests are about the send state machine.
const gates = scriptedGateDeps().deps;

/** End to end: the real X client against the simulator, through the whole approve-and-submit path. */

const t = await createTestDatabase();
afterAll(() => t.drop());

let ctx: SimulatedClient;
let alice: { id: string; name: string };
let writerId: string;
let postIds: string[];

beforeAll(async () => {
  alice = await seedUser(t.db, "Alice");
});
beforeEach(async () => {
  ctx = await startSimulatedClient();
  writerId = (await seedWriter(t.db)).id;
  postIds = ctx.sim.control
    .posts(true)
    .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
    .map((p) => p.id);
});
afterEach(() => ctx.sim.stop());

async function draftFor(postId: string) {
  return seedDraft(t.db, { writerId, postId, note: validNote({ text: goodNoteText, misleadingTags: ["factual_error"] }) });
}

const createCalls = () => ctx.sim.control.requests().filter((r) => r.route === "create_note");

describe("approve and submit against the X simulator", () => {
  it("creates the note on X exactly as frozen and records X's id", async () => {
    const draft = await draftFor(postIds[0]!);
    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: ctx.client, gates });

    const [note] = ctx.sim.control.notes();
    expect(outcome).toMatchObject({ sent: true, submission: { state: "succeeded", xNoteId: note?.id }, draft: { state: "submitted" } });
    expect(note).toMatchObject({ postId: draft.postId, testMode: true, text: goodNoteText, misleadingTags: ["factual_error"] });
    expect(createCalls()).toHaveLength(1);
  });

  it("created, then the connection dropped: reconciliation finds the note and nothing is sent twice", async () => {
    ctx.sim.control.addFault({ route: "create_note", fault: { kind: "fail_after_commit", then: "drop_connection" } });
    const draft = await draftFor(postIds[1]!);
    const lost = await approveAndSubmit(draft.id, draft.version, alice, { sender: ctx.client, gates });
    expect(lost).toMatchObject({ submission: { state: "needs_reconcile" }, draft: { state: "needs_reconcile" } });
    expect(lost.submission.lastError).toContain("connection");

    const settled = await reconcileSubmission(lost.submission.id, { sender: ctx.client, gates }, alice);
    const notes = ctx.sim.control.notes();
    expect(notes).toHaveLength(1);
    expect(settled).toMatchObject({ submission: { state: "succeeded", xNoteId: notes[0]?.id, attempts: 1 }, draft: { state: "submitted" } });
    expect(createCalls()).toHaveLength(1);
  });

  it("dropped before X created anything: reconciliation finds no note and sends once more", async () => {
    ctx.sim.control.addFault({ route: "create_note", fault: { kind: "drop_connection" } });
    const draft = await draftFor(postIds[2]!);
    const lost = await approveAndSubmit(draft.id, draft.version, alice, { sender: ctx.client, gates });
    expect(lost.submission.state).toBe("needs_reconcile");
    expect(ctx.sim.control.notes()).toHaveLength(0);

    const settled = await reconcileSubmission(lost.submission.id, { sender: ctx.client, gates }, alice);
    expect(settled).toMatchObject({ sent: true, submission: { state: "succeeded", attempts: 2 } });
    expect(ctx.sim.control.notes()).toHaveLength(1);
    expect(createCalls()).toHaveLength(2);
  });

  it("X says the note already exists: the submission adopts that note", async () => {
    const postId = postIds[3]!;
    const earlier = await ctx.client.createNote({ testMode: true, postId, text: goodNoteText, classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true });
    const draft = await draftFor(postId);
    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: ctx.client, gates });

    expect(outcome).toMatchObject({ submission: { state: "succeeded", xNoteId: earlier.kind === "created" ? earlier.noteId : "?" } });
    expect(ctx.sim.control.notes()).toHaveLength(1);
  });

  it("X refuses the note: failed, with X's reason in plain words", async () => {
    const draft = await seedDraft(t.db, { writerId, postId: "1234567890123", note: validNote({ text: goodNoteText }) });
    const outcome = await approveAndSubmit(draft.id, draft.version, alice, { sender: ctx.client, gates });

    expect(outcome).toMatchObject({ sent: true, submission: { state: "failed" }, draft: { state: "failed" } });
    expect(outcome.submission.lastError).toMatch(/X refused the note: .*not eligible/);
  });
});
