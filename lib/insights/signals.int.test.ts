import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { parseInsightsQuery } from "./query";
import { ratingAgreement } from "./rating-agreement";
import { insightsScope } from "./scope";
import { signalAgreement } from "./signals";
import { NOTE_TEXT, seedPath } from "./test-support";

/**
 * Notes whose signals and outcomes are set by hand. Reviewer A rated 13 drafts "yes": 12 production
 * notes (10 ClaimOpinion high; 8 helpful, 2 not helpful, 2 not rated yet) and 1 test note (high, never
 * rated); all went out unedited, their checks clean, their evaluate_note score 0.5. A rated 12 "no":
 * production notes with 2 words changed (2 high; 1 helpful, 9 not helpful, 2 not rated), 6 with a
 * check issue. Reviewer B also said "no" to one of A's "yes" notes (high, helpful). Off the notes:
 * A said yes to a draft still in the queue, no to one that was rejected.
 */

let t: TestDatabase;
let writerId: string;
const now = new Date(Date.UTC(2026, 10, 20, 12));
const day = (d: number, minute = 0) => new Date(Date.UTC(2026, 10, d, 9, minute));
const EDITED = "The fee rose 5%, not 45%. https://harbour.example.org/fees";
const issue = { code: "weak_source", field: "text", severity: "warning", message: "The source is a blog." };

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "signals" } })).id;
  const approver = await seedUser(t.db, "Approver", "approver");
  const a = await seedUser(t.db, "Reviewer A", "reviewer");
  const b = await seedUser(t.db, "Reviewer B", "reviewer");
  let minute = 0;
  const rate = (draftId: string, revisionId: string, reviewerId: string, wouldPost: boolean) =>
    t.db.draftRating.create({ data: { draftId, revisionId, reviewerId, wouldPost, ratedAt: day(12, minute++) } });

  const note = async (wouldPost: boolean, claimOpinion: string, status: string | null, options: { testMode?: boolean; checkIssue?: boolean } = {}) => {
    const path = await seedPath(t.db, {
      writerId,
      testMode: options.testMode ?? false,
      firstSeenAt: day(10),
      triage: { verdict: "in" },
      draft: {
        state: "submitted",
        decidedAt: day(11),
        checks: wouldPost ? { issues: [], evaluateScore: 0.5 } : options.checkIssue ? { issues: [issue] } : {},
      },
      submission: { state: "succeeded", approverId: approver.id, completedAt: day(11), text: wouldPost ? NOTE_TEXT : EDITED },
      note: { claimOpinion, status },
    });
    await rate(path.draftId!, path.revisionId!, a.id, wouldPost);
    return path;
  };

  const yesStatuses = ["currently_rated_helpful", "currently_rated_helpful", "currently_rated_helpful", "currently_rated_helpful", "currently_rated_helpful", "currently_rated_helpful",
    "currently_rated_helpful", "currently_rated_helpful", "currently_rated_not_helpful", "currently_rated_not_helpful", "needs_more_ratings", "needs_more_ratings"];
  const yesBuckets = ["high", "high", "high", "high", "high", "high", "high", "high", "high", "high", "low", "low"];
  const yes = [];
  for (const [i, status] of yesStatuses.entries()) yes.push(await note(true, yesBuckets[i]!, status));
  await note(true, "high", null, { testMode: true });

  const noStatuses = ["currently_rated_helpful", ...Array<string>(9).fill("currently_rated_not_helpful"), "needs_more_ratings", "needs_more_ratings"];
  const noBuckets = ["high", "high", ...Array<string>(10).fill("low")];
  for (const [i, status] of noStatuses.entries()) await note(false, noBuckets[i]!, status, { checkIssue: i < 6 });

  await rate(yes[0]!.draftId!, yes[0]!.revisionId!, b.id, false);

  const waiting = await seedPath(t.db, { writerId, firstSeenAt: day(10), triage: { verdict: "in" }, draft: { state: "ready" } });
  await rate(waiting.draftId!, waiting.revisionId!, a.id, true);
  const rejected = await seedPath(t.db, { writerId, firstSeenAt: day(10), triage: { verdict: "in" }, draft: { state: "rejected", decidedAt: day(11), rejectReason: "inaccurate" } });
  await rate(rejected.draftId!, rejected.revisionId!, a.id, false);
});
afterAll(() => t.drop());

const scope = (params: Record<string, string> = {}) => insightsScope(writerId, parseInsightsQuery(params), now);

describe("signalAgreement", () => {
  it("splits ratings by the answer, with evaluator-high and helpful rates over the notes that have them", async () => {
    const rating = (await signalAgreement(scope())).find((row) => row.signal === "rating")!;
    // Yes: 13 ratings; 11 of 13 high; of the 10 rated production notes, 8 helpful.
    expect(rating.yes).toMatchObject({ count: 13, evaluatorHigh: { k: 11, n: 13 }, helpful: { k: 8, n: 10 } });
    // No: A's 12 and B's 1; 3 of 13 high; of 11 rated, 2 helpful.
    expect(rating.no).toMatchObject({ count: 13, evaluatorHigh: { k: 3, n: 13 }, helpful: { k: 2, n: 11 } });
    expect(rating.yes.evaluatorHigh.share).toBeCloseTo(11 / 13);
    expect(rating.evaluatorHigh).toBe("higher");
  });

  it("counts each note once for the other signals, and says when a side is too small to tell", async () => {
    const rows = Object.fromEntries((await signalAgreement(scope())).map((row) => [row.signal, row]));
    expect(rows.unedited!.yes).toMatchObject({ count: 13, evaluatorHigh: { k: 11, n: 13 } });
    expect(rows.unedited!.no).toMatchObject({ count: 12, evaluatorHigh: { k: 2, n: 12 } });
    // Checks are known for the 13 clean notes and the 6 with an issue; the other 6 stored none.
    expect(rows.checks_clean!.yes.count).toBe(13);
    expect(rows.checks_clean!.no).toMatchObject({ count: 6, evaluatorHigh: { k: 2, n: 6, share: null } });
    expect(rows.checks_clean!.evaluatorHigh).toBe("too_few");
    expect(rows.score_ok!.yes.count).toBe(13);
    expect(rows.score_ok!.no.count).toBe(0);
    expect(rows.triage_in!.yes.count).toBe(25);
  });

  it("keeps to the mode", async () => {
    const rating = (await signalAgreement(scope({ mode: "production" }))).find((row) => row.signal === "rating")!;
    expect(rating.yes).toMatchObject({ count: 12, evaluatorHigh: { k: 10, n: 12 } });
  });
});

describe("ratingAgreement", () => {
  it("puts each rating beside the decision and the words changed before approval", async () => {
    const result = await ratingAgreement(scope());
    const group = (wouldPost: boolean) => result.groups.find((g) => g.wouldPost === wouldPost)!;
    expect(group(true)).toEqual({
      wouldPost: true,
      ratings: 14,
      decisions: { approved: 13, rejected: 0, undecided: 1 },
      edits: { approved: 13, unedited: 13, medianWordsChanged: 0 },
    });
    // A's 12 edited approvals (2 words each), B's "no" on an unedited one, A's rejected draft.
    expect(group(false)).toEqual({
      wouldPost: false,
      ratings: 14,
      decisions: { approved: 13, rejected: 1, undecided: 0 },
      edits: { approved: 13, unedited: 1, medianWordsChanged: 2 },
    });
  });

  it("lists the most recent ratings first", async () => {
    const { recent, capped } = await ratingAgreement(scope());
    expect(capped).toBe(false);
    expect(recent).toHaveLength(20);
    expect(recent[0]).toMatchObject({ reviewer: "Reviewer A", wouldPost: false, decision: "rejected", rejectReason: "inaccurate", wordsChanged: null, noteId: null });
    expect(recent[1]).toMatchObject({ wouldPost: true, decision: "undecided", wordsChanged: null });
    expect(recent[2]).toMatchObject({ reviewer: "Reviewer B", wouldPost: false, decision: "approved", wordsChanged: 0, claimOpinion: "high", status: "currently_rated_helpful" });
    expect(recent[3]).toMatchObject({ wouldPost: false, decision: "approved", wordsChanged: 2, claimOpinion: "low" });
  });
});
