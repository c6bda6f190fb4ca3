import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { parseInsightsQuery } from "./query";
import { insightsScope } from "./scope";
import { speed } from "./speed";
import { seedPath } from "./test-support";

/**
 * Durations chosen so every median and 90th percentile can be worked out by hand with
 * percentile_cont's linear interpolation: value at position p·(n − 1) of the sorted list.
 */

let t: TestDatabase;
let writerId: string;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const now = new Date(Date.UTC(2026, 0, 20, 12));
/** Monday 5 January 2026 starts the first ISO week. */
const jan = (d: number, hour = 9) => new Date(Date.UTC(2026, 0, d, hour));

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "speed" } })).id;
  const other = (await t.db.writer.create({ data: { name: "other" } })).id;
  const approver = await seedUser(t.db, "Approver", "approver");

  // Post age at submission: 1, 2, 3, 4 h in the week of 5 January; 10 and 20 h in the week of 12 January.
  const submitted = (completedAt: Date, ageHours: number, extra: { postedAt?: null; writer?: string; state?: "failed" } = {}) =>
    seedPath(t.db, {
      writerId: extra.writer ?? writerId,
      firstSeenAt: new Date(completedAt.getTime() - ageHours * HOUR),
      postedAt: extra.postedAt === null ? null : new Date(completedAt.getTime() - ageHours * HOUR),
      triage: { verdict: "in" },
      draft: { state: extra.state ?? "submitted", decidedAt: null },
      submission: { state: extra.state ?? "succeeded", approverId: approver.id, completedAt },
    });
  for (const hours of [1, 2, 3]) await submitted(jan(6, 12), hours);
  // No posted_at: the age counts from when Notedesk first saw the post.
  await submitted(jan(6, 12), 4, { postedAt: null });
  await submitted(jan(13, 12), 10);
  await submitted(jan(13, 12), 20);
  // Neither counts: a failed submission, another writer's.
  await submitted(jan(6, 12), 100, { state: "failed" });
  await submitted(jan(6, 12), 100, { writer: other });

  // Decisions on 7 January. Entered the queue at T0 (created an hour before), decided after 30, 90 min.
  const t0 = jan(7, 9);
  const decided = (minutes: number, audit: { action: string; at: Date }[]) =>
    seedPath(t.db, {
      writerId,
      firstSeenAt: new Date(t0.getTime() - 2 * HOUR),
      triage: { verdict: "in" },
      draft: { state: "rejected", createdAt: new Date(t0.getTime() - HOUR), decidedAt: new Date(t0.getTime() + minutes * MINUTE), rejectReason: "inaccurate" },
      audit,
    });
  // A later queue entry (after the decision) must not count.
  await decided(30, [{ action: "draft.draft", at: t0 }, { action: "draft.reopenFailed", at: new Date(t0.getTime() + 5 * HOUR) }]);
  await decided(90, [{ action: "draft.draft", at: t0 }, { action: "draft.skip", at: new Date(t0.getTime() + 10 * MINUTE) }]);
  // The AI abstained; a reviewer reopened it two hours later and decided ten minutes after that.
  await decided(130, [{ action: "draft.abstain", at: t0 }, { action: "draft.reopenNoNote", at: new Date(t0.getTime() + 2 * HOUR) }]);
  // No recorded queue entry: counts for draft-to-decision only.
  await decided(0, []);
});
afterAll(() => t.drop());

describe("speed", () => {
  it("gives medians and 90th percentiles per week and over the whole period", async () => {
    const result = await speed(insightsScope(writerId, parseInsightsQuery({ range: "all" }), now), now);
    expect(result.unit).toBe("week");
    const { postAge } = result.measures;
    // [1, 2, 3, 4, 10, 20] h: median between 3 and 4; p90 at position 4.5, between 10 and 20.
    expect(postAge.overall).toEqual({ n: 6, median: 3.5 * 3600, p90: 15 * 3600 });
    expect(postAge.points).toEqual([
      // [1, 2, 3, 4] h: median 2.5 h; p90 at position 2.7: 3 + 0.7 · 1 = 3.7 h.
      { period: "2026-01-05", n: 4, median: 2.5 * 3600, p90: expect.closeTo(3.7 * 3600, 6) },
      // [10, 20] h: median 15 h; p90 at position 0.9: 10 + 0.9 · 10 = 19 h.
      { period: "2026-01-12", n: 2, median: 15 * 3600, p90: expect.closeTo(19 * 3600, 6) },
      { period: "2026-01-19", n: 0, median: null, p90: null },
    ]);
  });

  it("times the queue from the last entry before the decision, and draft to decision from the draft's creation", async () => {
    const result = await speed(insightsScope(writerId, parseInsightsQuery({ range: "all" }), now), now);
    // Queue: [10, 30, 90] min: median 30; p90 at position 1.8: 30 + 0.8 · 60 = 78 min.
    expect(result.measures.queue.overall).toEqual({ n: 3, median: 30 * 60, p90: expect.closeTo(78 * 60, 6) });
    // Draft to decision: [60, 90, 150, 190] min: median 120; p90 at position 2.7: 150 + 0.7 · 40 = 178 min.
    expect(result.measures.draftToDecision.overall).toEqual({ n: 4, median: 120 * 60, p90: expect.closeTo(178 * 60, 6) });
    expect(result.measures.queue.points.find((p) => p.period === "2026-01-05")).toMatchObject({ n: 3, median: 30 * 60 });
  });

  it("keeps to the period: only what happened since its start", async () => {
    // 10 days before 20 January: 10 January on, so only the week of 12 January's submissions.
    const recent = await speed({ ...insightsScope(writerId, parseInsightsQuery({ range: "30d" }), now), since: jan(10, 0) }, now);
    expect(recent.measures.postAge.overall).toEqual({ n: 2, median: 15 * 3600, p90: expect.closeTo(19 * 3600, 6) });
    expect(recent.measures.queue.overall).toEqual({ n: 0, median: null, p90: null });
  });
});
