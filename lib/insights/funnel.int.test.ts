import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { overturnTriage } from "@/lib/triage";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { funnel, funnelDropouts } from "./funnel";
import { parseInsightsQuery } from "./query";
import { insightsScope } from "./scope";
import { seedPath } from "./test-support";

/**
 * Hand-built paths, one per way a post can leave the funnel, with the counts worked out by hand:
 * 19 production posts and 1 test post first seen in the last 90 days, plus one older post and one
 * of another writer that must not count.
 */

let t: TestDatabase;
let writerId: string;
const now = new Date(Date.UTC(2026, 10, 20, 12));
const day = (d: number, hour = 9) => new Date(Date.UTC(2026, 10, d, hour));
let blockedPostId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "funnel" } })).id;
  const other = (await t.db.writer.create({ data: { name: "other" } })).id;
  const approver = await seedUser(t.db, "Approver", "approver");
  const holder = await seedUser(t.db, "Holder", "reviewer");
  const at = day(10);
  const seen = { writerId, firstSeenAt: at };
  const inTriage = { verdict: "in" as const };
  const sent = (extra: { note?: { claimOpinion: string | null; status: string | null }; testMode?: boolean } = {}) =>
    seedPath(t.db, {
      ...seen,
      ...extra,
      triage: inTriage,
      draft: { state: "submitted", decidedAt: day(11) },
      submission: { state: "succeeded", approverId: approver.id, completedAt: day(11, 10) },
    });

  // Triaged in: 4 drop out.
  await seedPath(t.db, { ...seen });
  await seedPath(t.db, { ...seen, triage: { verdict: "out", reasons: [{ signal: "numbers", weight: 0.8, evidence: ["40%"] }, { signal: "opinion", weight: -1.8, evidence: ["I think"] }] } });
  const overturned = await seedPath(t.db, { ...seen, triage: inTriage });
  await overturnTriage({ postId: overturned.postId, verdict: "out", reason: "It is a joke account." }, holder);
  await seedPath(t.db, { ...seen, triage: { verdict: "out", reasons: [{ signal: "opinion", weight: -1.0, evidence: ["should"] }, { signal: "media_note_shown", weight: 0, evidence: [], blocking: true }] } });
  // Drafted: 2.
  await seedPath(t.db, { ...seen, triage: inTriage });
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "new", aiDecision: null } });
  // AI wrote a note: 2.
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "no_note", aiDecision: "no_note_needed" } });
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "failed", aiDecision: null, failureReason: "The model's answer was not JSON." } });
  // Reviewed: 2.
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "ready" } });
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "ready", claimedById: holder.id } });
  // Approved: 1.
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "rejected", decidedAt: day(11), rejectReason: "weak_sources", rejectNote: "A blog, not the port." } });
  // Submitted: 3.
  await seedPath(t.db, { ...seen, triage: inTriage, draft: { state: "approved", decidedAt: day(11) }, submission: { state: "pending", approverId: approver.id } });
  const blocked = await seedPath(t.db, {
    ...seen,
    triage: inTriage,
    draft: { state: "failed", decidedAt: day(11) },
    submission: { state: "failed", approverId: approver.id, lastError: "Blocked before sending: the request changed." },
    audit: [{ action: "draft.blockSending", at: day(11, 10) }],
  });
  blockedPostId = blocked.postId;
  await seedPath(t.db, {
    ...seen,
    triage: inTriage,
    draft: { state: "failed", decidedAt: day(11) },
    submission: { state: "failed", approverId: approver.id, lastError: "X refused the note." },
    // Blocked once, approved again, then refused: the last failure counts.
    audit: [{ action: "draft.blockSending", at: day(11, 10) }, { action: "draft.failSubmission", at: day(11, 11) }],
  });
  // Evaluator high: 2.
  await sent();
  await sent({ note: { claimOpinion: "medium", status: null } });
  // Rated helpful: 2 (one production, one test note X does not rate); 2 go all the way.
  await sent({ note: { claimOpinion: "high", status: "needs_more_ratings" } });
  await sent({ note: { claimOpinion: "high", status: "currently_rated_helpful" } });
  await sent({ note: { claimOpinion: "high", status: "currently_rated_helpful" } });
  await sent({ note: { claimOpinion: "high", status: null }, testMode: true });

  // Outside the scope: first seen before the last 90 days, and another writer's feed.
  await seedPath(t.db, { writerId, firstSeenAt: new Date(Date.UTC(2026, 5, 1)), triage: inTriage });
  await seedPath(t.db, { writerId: other, firstSeenAt: at, triage: inTriage });
});
afterAll(() => t.drop());

const scope = (params: Record<string, string> = {}) => insightsScope(writerId, parseInsightsQuery(params), now);

describe("funnel", () => {
  it("counts each step and where the others stopped, both modes", async () => {
    const result = await funnel(scope());
    expect(result.eligible).toBe(20);
    expect(result.steps.map((s) => [s.id, s.reached, s.dropped])).toEqual([
      ["eligible", 20, 0],
      ["triaged_in", 16, 4],
      ["drafted", 14, 2],
      ["ai_wrote", 12, 2],
      ["reviewed", 10, 2],
      ["approved", 9, 1],
      ["submitted", 6, 3],
      ["evaluator_high", 4, 2],
      ["rated_helpful", 2, 2],
    ]);
    const step = (id: string) => result.steps.find((s) => s.id === id)!;
    expect(step("triaged_in").fromPrevious).toBe(16 / 20);
    expect(step("submitted").fromPrevious).toBe(6 / 9);
    expect(step("rated_helpful").fromEligible).toBe(2 / 20);
    expect(step("eligible").fromPrevious).toBeNull();
  });

  it("names every reason, one per post", async () => {
    const result = await funnel(scope());
    const reasons = (id: string) => Object.fromEntries(result.steps.find((s) => s.id === id)!.reasons.map((r) => [r.reason, r.count]));
    expect(reasons("triaged_in")).toEqual({ not_assessed: 1, opinion: 1, overturned: 1, media_note_shown: 1 });
    expect(reasons("drafted")).toEqual({ not_drafted: 1, new: 1 });
    expect(reasons("ai_wrote")).toEqual({ no_note_needed: 1, drafting_failed: 1 });
    expect(reasons("reviewed")).toEqual({ in_queue: 1, being_reviewed: 1 });
    expect(reasons("approved")).toEqual({ weak_sources: 1 });
    expect(reasons("submitted")).toEqual({ waiting_to_send: 1, blocked: 1, refused: 1 });
    expect(reasons("evaluator_high")).toEqual({ not_seen: 1, medium: 1 });
    expect(reasons("rated_helpful")).toEqual({ needs_more_ratings: 1, test_mode: 1 });
    expect(result.steps.find((s) => s.id === "submitted")!.reasons.find((r) => r.reason === "blocked")!.label).toBe("blocked before sending");
  });

  it("keeps to the mode and the period", async () => {
    const production = await funnel(scope({ mode: "production" }));
    expect(production.eligible).toBe(19);
    expect(production.steps.at(-1)).toMatchObject({ reached: 2, dropped: 1 });
    const test = await funnel(scope({ mode: "test" }));
    expect(test.steps.map((s) => s.reached)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const allTime = await funnel(scope({ range: "all" }));
    expect(allTime.eligible).toBe(21);
    expect(allTime.steps.find((s) => s.id === "drafted")!.dropped).toBe(3);
  });

  it("is all zeros, not an error, for a writer with nothing yet", async () => {
    const empty = (await t.db.writer.create({ data: { name: "empty" } })).id;
    const result = await funnel(insightsScope(empty, parseInsightsQuery({}), now));
    expect(result.eligible).toBe(0);
    expect(result.steps.every((s) => s.reached === 0 && s.fromEligible === null && s.reasons.length === 0)).toBe(true);
  });
});

describe("funnelDropouts", () => {
  it("lists the posts that stopped at a step, with what says more than the reason", async () => {
    const all = await funnelDropouts(scope(), "submitted", null);
    expect(all.rows.map((r) => r.reason).sort()).toEqual(["blocked", "refused", "waiting_to_send"]);
    const blocked = await funnelDropouts(scope(), "submitted", "blocked");
    expect(blocked.rows).toHaveLength(1);
    expect(blocked.rows[0]).toMatchObject({
      postId: blockedPostId,
      draftState: "failed",
      reasonLabel: "blocked before sending",
      detail: "Blocked before sending: the request changed.",
      mode: "production",
    });
    expect(blocked.rows[0]!.draftId).toEqual(expect.any(String));
  });

  it("links notes, and shows the AI's own words for an abstention", async () => {
    const evaluator = await funnelDropouts(scope(), "evaluator_high", "medium");
    expect(evaluator.rows[0]!.noteId).toEqual(expect.any(String));
    const failed = await funnelDropouts(scope(), "ai_wrote", "drafting_failed");
    expect(failed.rows[0]!.detail).toBe("The model's answer was not JSON.");
  });
});
