import { afterEach, describe, expect, it } from "vitest";

import { statusTimeline, type ResponseVariants } from "@/lib/x-simulator";

import type { NewNote } from "./endpoints/create-note";
import type { NotesWrittenPage } from "./endpoints/notes-written";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
afterEach(() => ctx.sim.stop());

const HOUR = 3_600_000;
const opinionNoteText = "Honestly I think this is terrible and everyone knows it. https://bit.ly/3xYz";
const abusiveNoteText = "Only an idiot would believe this. The official data says 12%. https://stats.valmora.gov/reports/2025";

function notablePostIds(testMode: boolean): string[] {
  return ctx.sim.control
    .posts(testMode)
    .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
    .map((p) => p.id);
}

async function write(postId: string, text: string, testMode = true) {
  const draft: NewNote = { testMode, postId, text, classification: "misinformed_or_potentially_misleading", misleadingTags: ["factual_error"], trustworthySources: true };
  const outcome = await ctx.client.createNote(draft);
  if (outcome.kind !== "created") throw new Error(`note not created: ${outcome.kind}`);
  return outcome.noteId;
}

describe("getNotesWritten against the simulator", () => {
  it("asks for the documented note fields and shows evaluator buckets once the note is scored", async () => {
    ctx = await startSimulatedClient();
    const [postId = ""] = notablePostIds(true);
    const noteId = await write(postId, goodNoteText);

    const before = await ctx.client.getNotesWritten({ testMode: true });
    expect(ctx.sim.control.requests().at(-1)?.path).toContain("note.fields=id%2Cinfo%2Cstatus%2Ctest_result");
    expect(before.notes).toEqual([expect.objectContaining({ id: noteId, postId, status: null })]);
    expect(before.notes[0]?.buckets).toEqual({ claimOpinion: "unknown", urlValidity: "unknown", harassmentAbuse: "unknown" });

    ctx.sim.control.advanceClock(60_000);
    const after = await ctx.client.getNotesWritten({ testMode: true });
    expect(after.notes[0]?.buckets).toEqual({ claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high" });
  });

  const variants: [string, Partial<ResponseVariants>][] = [
    ["live (default)", {}],
    ["flat test_result", { testResult: "flat" }],
    ["post_id beside info", { postIdPlacement: "top_level" }],
    ["lower-case buckets", { bucketCase: "lowercase" }],
    ["empty test status", { testNoteStatus: "empty" }],
    ["historical float evaluators", { evaluators: "historical" }],
  ];

  it.each(variants)("normalizes the %s variant to the same note", async (_, variant) => {
    ctx = await startSimulatedClient({ scoringDelayMs: 0 });
    const [postId = ""] = notablePostIds(true);
    const noteId = await write(postId, opinionNoteText);
    ctx.sim.control.setVariants(variant);
    const [note] = (await ctx.client.getNotesWritten({ testMode: true })).notes;
    expect(note).toMatchObject({ id: noteId, postId, text: opinionNoteText, classification: "misinformed_or_potentially_misleading", status: null });
    expect(note?.buckets.claimOpinion).toBe("low");
    if (variant.testResult !== "flat" && variant.evaluators !== "historical") {
      expect(note?.buckets).toEqual({ claimOpinion: "low", urlValidity: "low", harassmentAbuse: "high" });
    }
    if (variant.evaluators === "historical") {
      expect(note?.evaluatorResults.find((r) => r.type === "TopicalRelevance")?.score).toEqual(expect.any(Number));
      expect(note?.evaluatorResults.find((r) => r.type === "HarassmentAbuse")).toMatchObject({ bucket: null, score: 0.05 });
    }
  });

  it("moves production notes through statuses as simulated time passes", async () => {
    ctx = await startSimulatedClient();
    ctx.sim.control.admitWriter();
    const [a = "", b = "", c = ""] = notablePostIds(false);
    const good = await write(a, goodNoteText, false);
    const weak = await write(b, opinionNoteText, false);
    const abusive = await write(c, abusiveNoteText, false);
    const statuses = async () =>
      Object.fromEntries((await ctx.client.getNotesWritten({ testMode: false })).notes.map((n) => [n.id, n.status]));

    expect(await statuses()).toEqual({ [good]: "needs_more_ratings", [weak]: "needs_more_ratings", [abusive]: "needs_more_ratings" });
    ctx.sim.control.advanceClock(statusTimeline.firstVerdictMs);
    expect(await statuses()).toEqual({ [good]: "needs_more_ratings", [weak]: "needs_more_ratings", [abusive]: "firm_reject" });
    ctx.sim.control.advanceClock(statusTimeline.ratedMs - statusTimeline.firstVerdictMs);
    expect(await statuses()).toEqual({ [good]: "currently_rated_helpful", [weak]: "currently_rated_not_helpful", [abusive]: "firm_reject" });
    ctx.sim.control.advanceClock(24 * HOUR);
    expect((await statuses())[good]).toBe("currently_rated_helpful");
  });

  it("iterates notes_written page by page, newest first", async () => {
    ctx = await startSimulatedClient();
    const ids = [];
    for (const postId of notablePostIds(true).slice(0, 5)) ids.push(await write(postId, goodNoteText));
    const pages: NotesWrittenPage[] = [];
    for await (const page of ctx.client.iterateNotesWritten({ testMode: true, maxResults: 2, maxPages: 10 })) pages.push(page);
    expect(pages.map((p) => p.notes.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.notes.map((n) => n.id))).toEqual([...ids].reverse());
  });

  it("keeps test and production notes apart", async () => {
    ctx = await startSimulatedClient();
    ctx.sim.control.admitWriter();
    await write(notablePostIds(true)[0] ?? "", goodNoteText, true);
    expect((await ctx.client.getNotesWritten({ testMode: false })).notes).toEqual([]);
    expect((await ctx.client.getNotesWritten({ testMode: true })).resultCount).toBe(1);
  });
});
