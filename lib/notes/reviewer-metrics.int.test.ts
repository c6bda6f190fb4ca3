import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedDraft, seedUser } from "../../tests/support/fixtures/review";
import { reviewerMetrics } from "./reviewer-metrics";
import { seedSubmittedNote, seedWrittenNote } from "./test-support";

let t: TestDatabase;
let writerId: string;
let ann: { id: string; name: string };
const MINUTE = 60_000;

/** A decision `minutes` after the draft's AI revision was made. */
async function decide(actorId: string, draftId: string, action: string, minutes: number) {
  const draft = await t.db.revision.findFirstOrThrow({ where: { draftId, number: 1 }, select: { createdAt: true } });
  await t.db.auditEvent.create({
    data: { actorId, action: `draft.${action}`, subjectType: "draft", subjectId: draftId, at: new Date(draft.createdAt.getTime() + minutes * MINUTE) },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  writerId = (await t.db.writer.create({ data: { name: "metrics" } })).id;
  ann = await seedUser(t.db, "Ann Approver");
  const unedited = await seedSubmittedNote(t.db, { writerId, approverId: ann.id, aiText: "Draft one https://a.org/1", testMode: false, status: "currently_rated_helpful" });
  const edited = await seedSubmittedNote(t.db, {
    writerId, approverId: ann.id, aiText: "Draft two says 48% https://a.org/2", sentText: "Draft two says 12%, not 48% https://a.org/2",
    testMode: false, status: "currently_rated_not_helpful", buckets: { claimOpinion: "low" },
  });
  const rejected = await seedDraft(t.db, { writerId, state: "rejected" });
  const skipped = await seedDraft(t.db, { writerId });
  await decide(ann.id, unedited.draftId, "approve", 4);
  await decide(ann.id, edited.draftId, "approve", 10);
  await decide(ann.id, rejected.id, "reject", 30);
  await decide(ann.id, skipped.id, "skip", 1);
  await decide(ann.id, skipped.id, "undoSkip", 2);
  await seedWrittenNote(t.db, { writerId, testMode: false, status: "currently_rated_helpful" });
});
afterAll(() => t.drop());

describe("reviewerMetrics", () => {
  it("counts each reviewer's decisions net of undos, time in queue and how much they edit", async () => {
    const { reviewers, editedPairs } = await reviewerMetrics(writerId, "30d");
    expect(reviewers).toEqual([
      {
        id: ann.id, name: "Ann Approver", approved: 2, rejected: 1, skipped: 0, decisions: 3,
        medianQueueSeconds: 600, approvedFromAi: 2, approvedUnedited: 1,
        // "48%" → "12%, not 48%": two words inserted.
        medianWordsChanged: 2, meanWordsChanged: 2,
      },
    ]);
    expect(editedPairs).toBe(1);
  });

  it("compares outcomes of edited, unedited and outside notes", async () => {
    const { outcomes } = await reviewerMetrics(writerId, "all");
    expect(outcomes.map((o) => [o.origin, o.notes, o.rated, o.helpful, o.notHelpful])).toEqual([
      ["edited", 1, 1, 0, 1],
      ["external", 1, 1, 1, 0],
      ["unedited", 1, 1, 1, 0],
    ]);
    expect(outcomes.find((o) => o.origin === "edited")?.claimOpinion).toEqual({ high: 0, medium: 0, low: 1, unscored: 0 });
  });
});
