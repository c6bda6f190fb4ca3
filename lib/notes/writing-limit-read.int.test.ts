import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedUser } from "../../tests/support/fixtures/review";
import { approvalsRemainingToday } from "./approvals-remaining";
import { seedSubmittedNote, seedWrittenNote } from "./test-support";
import { estimateWritingLimit } from "./writing-limit-read";

let t: TestDatabase;
let writerId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE written_notes, note_snapshots, submissions, drafts, writers CASCADE`;
  writerId = (await t.db.writer.create({ data: { name: "limit", testMode: false } })).id;
});

/** A production note written `hoursAgo`, NMR at first, then `status` from `ratedHoursAgo` on. */
async function production(hoursAgo: number, status: string, ratedHoursAgo = hoursAgo - 1) {
  const writtenAt = new Date(Date.now() - hoursAgo * HOUR);
  const rated = status !== "needs_more_ratings";
  const ratedAt = new Date(Date.now() - ratedHoursAgo * HOUR);
  const note = await seedWrittenNote(t.db, { writerId, testMode: false, status, firstSeenAt: writtenAt, lastChangedAt: rated ? ratedAt : writtenAt });
  if (rated) {
    await t.db.noteSnapshot.updateMany({ where: { noteId: note.id }, data: { status: "needs_more_ratings" } });
    await t.db.noteSnapshot.create({ data: { noteId: note.id, observedAt: ratedAt, status } });
  }
}

describe("estimateWritingLimit from stored notes", () => {
  it("gives a writer with few production notes the new-writer limit", async () => {
    for (let i = 0; i < 5; i++) await production(i + 2, "currently_rated_helpful");
    await seedWrittenNote(t.db, { writerId, testMode: true }); // test notes do not count
    const estimate = await estimateWritingLimit(writerId);
    expect(estimate).toMatchObject({ limit: 10, rule: "new_writer", inputs: { T: 5, NH_5: 0 } });
  });

  it("orders 'the last rated notes' by when each got its status, not when it was written", async () => {
    // 30 notes, one an hour: the newest 10 still NMR, 17 helpful, and the 3 oldest rated not helpful just now.
    for (let i = 0; i < 30; i++) {
      if (i < 10) await production(i + 2, "needs_more_ratings");
      else if (i < 27) await production(i + 2, "currently_rated_helpful");
      else await production(i + 2, "currently_rated_not_helpful", 0.1);
    }
    const estimate = await estimateWritingLimit(writerId);
    expect(estimate.inputs).toEqual({ NH_5: 3, NH_10: 3, HR_R: 10 / 20, HR_100: 14 / 30, HR_14d: 14 / 20, DN_30: 1, T: 30 });
    expect(estimate).toMatchObject({ limit: 5, rule: "some_recent_not_helpful", rated: 20, notesLast30d: 30 });
    expect(estimate.windows).toEqual({
      recent: { notes: 20, helpful: 10, notHelpful: 0 },
      last100: { notes: 30, helpful: 17, notHelpful: 3 },
      last14d: { notes: 20, helpful: 17, notHelpful: 3 },
    });
  });

  it("leaves notes older than 14 and 30 days out of HR_14d and DN_30", async () => {
    for (let i = 0; i < 20; i++) await production(24 * 20 + i, "currently_rated_helpful"); // 20 days ago
    for (let i = 0; i < 10; i++) await production(24 * 40 + i, "currently_rated_not_helpful", 24 * 35); // 40 days ago
    const estimate = await estimateWritingLimit(writerId);
    expect(estimate.inputs).toMatchObject({ T: 30, DN_30: 20 / 30, HR_14d: 0, HR_R: 1, HR_100: 10 / 30 });
    // NH_10 counts the 10 rated last: the helpful ones, rated 20 days ago, after the others (35 days ago).
    expect(estimate.inputs.NH_10).toBe(0);
    // HR_L = 1/3 → WL_L = 500; 5 · DN_30 = 3.33 → max(5, 3) = 5.
    expect(estimate).toMatchObject({ rule: "hit_rate", limit: 5 });
  });
});

describe("approvalsRemainingToday", () => {
  it("subtracts the production approvals of the last 24 hours, down to none remaining", async () => {
    const approver = await seedUser(t.db, "Ann");
    for (let i = 0; i < 3; i++) {
      await seedSubmittedNote(t.db, { writerId, testMode: false, approverId: approver.id, aiText: `Note ${i} https://a.org/${i}` });
    }
    await seedSubmittedNote(t.db, { writerId, testMode: true, approverId: approver.id, aiText: "Test note https://a.org/t" });
    await seedSubmittedNote(t.db, { writerId, testMode: false, approverId: approver.id, aiText: "Old https://a.org/o", approvedAt: new Date(Date.now() - 30 * HOUR) });

    const remaining = await approvalsRemainingToday(writerId);
    expect(remaining).toMatchObject({ limit: 10, used: 3, remaining: 7 });

    for (let i = 0; i < 7; i++) {
      await seedSubmittedNote(t.db, { writerId, testMode: false, approverId: approver.id, aiText: `More ${i} https://a.org/m${i}` });
    }
    expect(await approvalsRemainingToday(writerId)).toMatchObject({ used: 10, remaining: 0 });
  });
});
