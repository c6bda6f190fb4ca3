import { afterEach, describe, expect, it } from "vitest";

import type { FaultRuleInput } from "@/lib/x-simulator";

import type { NewNote } from "./endpoints/create-note";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
afterEach(() => ctx.sim.stop());

async function start(...args: Parameters<typeof startSimulatedClient>) {
  ctx = await startSimulatedClient(...args);
  return ctx;
}

/** Test-feed posts that accept notes (not already carrying a shown media note). */
function notablePostIds(testMode = true): string[] {
  return ctx.sim.control
    .posts(testMode)
    .filter((p) => !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"))
    .map((p) => p.id);
}

function note(postId: string, overrides: Partial<NewNote> = {}): NewNote {
  return {
    testMode: true,
    postId,
    text: goodNoteText,
    classification: "misinformed_or_potentially_misleading",
    misleadingTags: ["factual_error"],
    trustworthySources: true,
    ...overrides,
  };
}

describe("createNote: created", () => {
  it("returns the new note's id and sends the canonical body", async () => {
    await start();
    const [postId = ""] = notablePostIds();
    const outcome = await ctx.client.createNote(note(postId));
    expect(outcome).toMatchObject({ kind: "created", raw: { data: { id: expect.any(String) } } });
    const [stored] = ctx.sim.control.notes();
    expect(outcome.kind === "created" && outcome.noteId).toBe(stored?.id);
    expect(stored).toMatchObject({ postId, testMode: true, text: goodNoteText, misleadingTags: ["factual_error"] });
  });

  it("accepts the quickstart's note_id and the older spec's 200", async () => {
    await start({ variants: { createdNoteIdKey: "note_id", createStatus: 200 } });
    const outcome = await ctx.client.createNote(note(notablePostIds()[0] ?? ""));
    expect(outcome).toMatchObject({ kind: "created", raw: { data: { note_id: expect.any(String) } } });
  });

  it("writes a production note once the writer is admitted", async () => {
    await start();
    const [livePost = ""] = notablePostIds(false);
    expect(await ctx.client.createNote(note(livePost, { testMode: false }))).toMatchObject({
      kind: "rejected",
      error: { kind: "not_admitted", httpStatus: 403 },
    });
    ctx.sim.control.admitWriter();
    expect((await ctx.client.createNote(note(livePost, { testMode: false }))).kind).toBe("created");
  });
});

describe("createNote: definite refusals", () => {
  it("reports a second note on the same post as duplicate", async () => {
    await start();
    const [postId = ""] = notablePostIds();
    await ctx.client.createNote(note(postId));
    const second = await ctx.client.createNote(note(postId, { text: `Another try. ${goodNoteText}` }));
    expect(second).toMatchObject({ kind: "duplicate", error: { kind: "duplicate_note" } });
    expect(second.kind === "duplicate" && second.error.detail).toBe("User already created a note for this post.");
  });

  it("rejects what X's rules refuse, naming the field", async () => {
    await start();
    const [a = "", b = ""] = notablePostIds();
    const tooLong = await ctx.client.createNote(note(a, { text: `${"x".repeat(280)} https://stats.valmora.gov/r` }));
    expect(tooLong).toMatchObject({ kind: "rejected", error: { kind: "validation", parameter: "info.text" } });
    const noUrl = await ctx.client.createNote(note(b, { text: "No link at all." }));
    expect(noUrl).toMatchObject({ kind: "rejected", error: { kind: "validation", parameter: "info.text" } });
    const wrongTags = await ctx.client.createNote(note(b, { classification: "not_misleading" }));
    expect(wrongTags).toMatchObject({ kind: "rejected", error: { kind: "validation", parameter: "info.misleading_tags" } });
    expect(ctx.sim.control.notes()).toHaveLength(0);
  });

  it("rejects a post outside the writer's feed, and a post already showing a media note", async () => {
    await start();
    expect(await ctx.client.createNote(note("123"))).toMatchObject({ kind: "rejected", error: { kind: "validation", parameter: "post_id" } });
    const shown = ctx.sim.control.posts(true).find((p) => p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"));
    expect(shown).toBeDefined();
    expect(await ctx.client.createNote(note(shown?.id ?? ""))).toMatchObject({ kind: "rejected", error: { kind: "forbidden" } });
  });

  it("refuses locally, without a request, once the daily note allowance is spent", async () => {
    await start({ lowLimits: true }, { maxRateLimitWaitMs: 0 });
    const ids = notablePostIds();
    for (const postId of ids.slice(0, 3)) expect((await ctx.client.createNote(note(postId))).kind).toBe("created");
    const refused = await ctx.client.createNote(note(ids[3] ?? ""));
    expect(refused).toMatchObject({ kind: "rejected", error: { kind: "rate_limited", httpStatus: null } });
    expect(refused.kind === "rejected" && refused.error.resetAt?.getTime()).toBe(Math.ceil((ctx.clock.now() + 24 * 3_600_000) / 1000) * 1000);
    expect(ctx.sim.control.requests()).toHaveLength(3);
  });

  it("does not wait out or retry a 429 on POST /2/notes", async () => {
    await start({ faults: [{ route: "create_note", fault: { kind: "rate_limited", resetInSeconds: 5 } }] });
    const outcome = await ctx.client.createNote(note(notablePostIds()[0] ?? ""));
    expect(outcome).toMatchObject({ kind: "rejected", error: { kind: "rate_limited", httpStatus: 429 } });
    expect(ctx.clock.sleeps).toEqual([]);
    expect(ctx.requests()).toEqual(["POST create_note 429"]);
  });
});

describe("createNote: unknown outcomes are never retried", () => {
  const lostAnswers: [string, FaultRuleInput["fault"]][] = [
    ["a dropped connection", { kind: "drop_connection" }],
    ["a timeout", { kind: "timeout" }],
    ["a 5xx", { kind: "server_error", status: 502 }],
    ["a truncated body", { kind: "malformed_body", form: "truncated_json" }],
    ["a body of the wrong shape", { kind: "malformed_body", form: "wrong_shape" }],
  ];

  it.each(lostAnswers)("after %s the outcome is unknown, after one request", async (_, fault) => {
    await start({ faults: [{ route: "create_note", fault }] }, { timeoutMs: 150 });
    const outcome = await ctx.client.createNote(note(notablePostIds()[0] ?? ""));
    expect(outcome.kind).toBe("unknown");
    expect(ctx.sim.control.requests().filter((r) => r.route === "create_note")).toHaveLength(1);
    expect(ctx.clock.sleeps).toEqual([]);
  });

  it.each(["drop_connection", "timeout", "server_error"] as const)(
    "after a commit whose answer was lost (%s), reconciliation finds the note and a resend is a duplicate",
    async (then) => {
      await start({ faults: [{ route: "create_note", fault: { kind: "fail_after_commit", then } }] }, { timeoutMs: 150 });
      const [postId = ""] = notablePostIds();
      const outcome = await ctx.client.createNote(note(postId));
      expect(outcome.kind).toBe("unknown");
      const found = await ctx.client.findWrittenNoteForPost(postId, true);
      expect(found).toMatchObject({ postId, text: goodNoteText, id: ctx.sim.control.notes()[0]?.id });
      expect((await ctx.client.createNote(note(postId))).kind).toBe("duplicate");
    },
  );
});

describe("findWrittenNoteForPost", () => {
  it("returns null when the writer has no note on the post", async () => {
    await start();
    expect(await ctx.client.findWrittenNoteForPost(notablePostIds()[0] ?? "", true)).toBeNull();
  });

  it("pages through notes_written to find an older note", async () => {
    await start({ rateLimits: { requestsPerWindow: 1_000, notesPerDay: 1_000 } });
    const ids = notablePostIds().slice(0, 105);
    for (const postId of ids) await ctx.client.createNote(note(postId));
    const oldest = ids[0] ?? "";
    expect((await ctx.client.findWrittenNoteForPost(oldest, true))?.postId).toBe(oldest);
    expect(ctx.sim.control.requests().filter((r) => r.route === "notes_written")).toHaveLength(2);
    expect(await ctx.client.findWrittenNoteForPost(oldest, false).catch((e: { kind: string }) => e.kind)).toBe("not_admitted");
  });
});
