import { afterEach, describe, expect, it } from "vitest";

import { claimOpinionScore } from "@/lib/x-simulator";

import { XApiError } from "./errors";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
afterEach(() => ctx.sim.stop());

const postId = () => ctx.sim.control.posts(true)[0]?.id ?? "";

describe("evaluateNote", () => {
  it("returns the ClaimOpinion score of the draft", async () => {
    ctx = await startSimulatedClient();
    const evaluation = await ctx.client.evaluateNote({ noteText: goodNoteText, postId: postId() });
    expect(evaluation).toEqual({ claimOpinionScore: claimOpinionScore(goodNoteText), raw: { data: { claim_opinion_score: claimOpinionScore(goodNoteText) } } });
    expect(evaluation.claimOpinionScore).toBeGreaterThan(1);
    expect(ctx.requests()).toEqual(["POST evaluate_note 200"]);
    expect(ctx.sim.control.requests()[0]?.path).toBe("/2/evaluate_note");
  });

  it("falls back to /2/notes/evaluate on a 404 and remembers the path that answered", async () => {
    ctx = await startSimulatedClient({ variants: { evaluatePaths: "notes_evaluate" } });
    await ctx.client.evaluateNote({ noteText: goodNoteText, postId: postId() });
    await ctx.client.evaluateNote({ noteText: goodNoteText, postId: postId() });
    expect(ctx.sim.control.requests().map((r) => `${r.path} ${r.outcome}`)).toEqual([
      "/2/evaluate_note 404",
      "/2/notes/evaluate 200",
      "/2/notes/evaluate 200",
    ]);
  });

  it("tries the other path again if the remembered one disappears", async () => {
    ctx = await startSimulatedClient({ variants: { evaluatePaths: "notes_evaluate" } });
    await ctx.client.evaluateNote({ noteText: goodNoteText, postId: postId() });
    ctx.sim.control.setVariants({ evaluatePaths: "evaluate_note" });
    await ctx.client.evaluateNote({ noteText: goodNoteText, postId: postId() });
    expect(ctx.sim.control.requests().slice(2).map((r) => `${r.path} ${r.outcome}`)).toEqual(["/2/notes/evaluate 404", "/2/evaluate_note 200"]);
  });

  it("reports an invalid draft as a validation error", async () => {
    ctx = await startSimulatedClient();
    const error = await ctx.client.evaluateNote({ noteText: "", postId: postId() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect(error).toMatchObject({ kind: "validation", parameter: "note_text" });
  });
});

describe("deleteNote", () => {
  async function writeNote(): Promise<string> {
    const outcome = await ctx.client.createNote({
      testMode: true,
      postId: postId(),
      text: goodNoteText,
      classification: "misinformed_or_potentially_misleading",
      misleadingTags: ["factual_error"],
      trustworthySources: true,
    });
    return outcome.kind === "created" ? outcome.noteId : "";
  }

  it("deletes the writer's note", async () => {
    ctx = await startSimulatedClient();
    const noteId = await writeNote();
    expect(await ctx.client.deleteNote(noteId)).toEqual({ deleted: true });
    expect((await ctx.client.getNotesWritten({ testMode: true })).notes).toEqual([]);
  });

  it("reports an unknown note as not_found", async () => {
    ctx = await startSimulatedClient();
    const error = await ctx.client.deleteNote("1234567890").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "not_found", httpStatus: 404, attempts: 1 });
  });

  it("treats a retry that finds the note gone as deleted (the lost first attempt did it)", async () => {
    ctx = await startSimulatedClient();
    const noteId = await writeNote();
    ctx.sim.control.addFault({ route: "delete_note", fault: { kind: "fail_after_commit", then: "drop_connection" } });
    expect(await ctx.client.deleteNote(noteId)).toEqual({ deleted: true });
    expect(ctx.sim.control.requests().filter((r) => r.route === "delete_note").map((r) => r.outcome)).toEqual(["dropped", 404]);
    expect(ctx.sim.control.notes()[0]?.deleted).toBe(true);
  });
});
