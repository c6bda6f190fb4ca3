import { afterEach, describe, expect, it } from "vitest";

import type { FaultRuleInput } from "@/lib/x-simulator";

import { XApiError } from "./errors";
import { createRateBudget } from "./rate-budget";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "./test-support";

let ctx: SimulatedClient;
afterEach(() => ctx.sim.stop());

const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

async function failure(promise: Promise<unknown>): Promise<XApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XApiError);
  return error as XApiError;
}

describe("retries of idempotent requests", () => {
  const transient: [string, FaultRuleInput["fault"], string][] = [
    ["a 503", { kind: "server_error", status: 503 }, "GET eligible_posts 503"],
    ["a dropped connection", { kind: "drop_connection" }, "GET eligible_posts dropped"],
    ["a timeout", { kind: "timeout" }, "GET eligible_posts timeout"],
  ];

  it.each(transient)("retries a GET after %s, with backoff", async (_, fault, firstOutcome) => {
    ctx = await startSimulatedClient({ faults: [{ route: "eligible_posts", fault }] }, { retry, timeoutMs: 150 });
    const page = await ctx.client.getEligiblePosts({ testMode: true });
    expect(page.posts.length).toBeGreaterThan(0);
    expect(ctx.requests()).toEqual([firstOutcome, "GET eligible_posts 200"]);
    expect(ctx.clock.sleeps).toEqual([75]); // base 100 ms, jitter 0.5 → 50 + 25
  });

  it("backs off exponentially and gives up after maxAttempts", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "notes_written", fault: { kind: "server_error", status: 500 }, schedule: { kind: "every", n: 1 } }] }, { retry });
    const error = await failure(ctx.client.getNotesWritten({ testMode: true }));
    expect(error).toMatchObject({ kind: "server_error", httpStatus: 500, attempts: 3 });
    expect(ctx.clock.sleeps).toEqual([75, 150]);
    expect(ctx.requests()).toHaveLength(3);
  });

  it("retries DELETE and evaluate_note, which are safe to repeat", async () => {
    ctx = await startSimulatedClient(
      {
        faults: [
          { route: "evaluate_note", fault: { kind: "server_error" } },
          { route: "delete_note", fault: { kind: "drop_connection" } },
        ],
      },
      { retry },
    );
    const postId = ctx.sim.control.posts(true)[0]?.id ?? "";
    expect((await ctx.client.evaluateNote({ noteText: goodNoteText, postId })).claimOpinionScore).toEqual(expect.any(Number));
    const created = await ctx.client.createNote({
      testMode: true,
      postId,
      text: goodNoteText,
      classification: "misinformed_or_potentially_misleading",
      misleadingTags: ["factual_error"],
      trustworthySources: true,
    });
    expect(await ctx.client.deleteNote(created.kind === "created" ? created.noteId : "")).toEqual({ deleted: true });
    expect(ctx.requests()).toEqual([
      "POST evaluate_note 503",
      "POST evaluate_note 200",
      "POST create_note 201",
      "DELETE delete_note dropped",
      "DELETE delete_note 200",
    ]);
  });

  it("does not retry a malformed body", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "eligible_posts", fault: { kind: "malformed_body" } }] }, { retry });
    const error = await failure(ctx.client.getEligiblePosts({ testMode: true }));
    expect(error).toMatchObject({ kind: "malformed_response", fieldPath: "data[0].id", attempts: 1 });
    expect(ctx.requests()).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("waits for x-rate-limit-reset after a 429, then succeeds", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "eligible_posts", fault: { kind: "rate_limited", resetInSeconds: 30 } }] }, { retry });
    const start = ctx.clock.now();
    await ctx.client.getEligiblePosts({ testMode: true });
    // Reset is 30 s after the (whole-second) start; one more second absorbs clock skew.
    expect(ctx.clock.sleeps).toEqual([31_000]);
    expect(ctx.clock.now() - start).toBe(31_000);
    expect(ctx.requests()).toEqual(["GET eligible_posts 429", "GET eligible_posts 200"]);
  });

  it("fails as rate_limited, with the reset time, when the wait would exceed maxRateLimitWaitMs", async () => {
    ctx = await startSimulatedClient(
      { faults: [{ route: "eligible_posts", fault: { kind: "rate_limited", resetInSeconds: 600 } }] },
      { retry, maxRateLimitWaitMs: 60_000 },
    );
    const error = await failure(ctx.client.getEligiblePosts({ testMode: true }));
    expect(error).toMatchObject({ kind: "rate_limited", httpStatus: 429 });
    expect(error.resetAt?.getTime()).toBe(ctx.clock.now() + 600_000);
    expect(ctx.clock.sleeps).toEqual([]);
  });

  it("refuses locally, without a request, once X's headers say the window is spent", async () => {
    ctx = await startSimulatedClient({ lowLimits: true }, { retry });
    for (let i = 0; i < 6; i++) await ctx.client.getNotesWritten({ testMode: true });
    const error = await failure(ctx.client.getNotesWritten({ testMode: true }));
    expect(error).toMatchObject({ kind: "rate_limited", httpStatus: null, attempts: 0 });
    expect(error.resetAt?.getTime()).toBe(ctx.clock.now() + 60_000);
    expect(ctx.requests()).toHaveLength(6);
    expect(ctx.client.rateLimitStatus().notesWindow).toEqual({ limit: 6, remaining: 0, resetAt: error.resetAt });

    ctx.clock.advance(60_000);
    await ctx.client.getNotesWritten({ testMode: true });
    expect(ctx.requests()).toHaveLength(7);
  });

  it("waits out X's 429 when another client spent the writer's budget", async () => {
    ctx = await startSimulatedClient({ lowLimits: true }, { retry, maxRateLimitWaitMs: 120_000 });
    for (let i = 0; i < 6; i++) await ctx.client.getNotesWritten({ testMode: true });
    const other = ctx.clientWith({});
    await other.getNotesWritten({ testMode: true });
    expect(ctx.requests().slice(6)).toEqual(["GET notes_written 429", "GET notes_written 200"]);
    expect(ctx.clock.sleeps).toEqual([61_000]);
  });

  it("counts clients of one writer together when they share a budget", async () => {
    ctx = await startSimulatedClient({ lowLimits: true }, { retry });
    const budget = createRateBudget();
    const first = ctx.clientWith({ rateBudget: budget });
    const second = ctx.clientWith({ rateBudget: budget });
    for (let i = 0; i < 6; i++) await first.getNotesWritten({ testMode: true });
    expect(await failure(second.getNotesWritten({ testMode: true }))).toMatchObject({ kind: "rate_limited", httpStatus: null });
    expect(ctx.requests()).toHaveLength(6);
  });
});
