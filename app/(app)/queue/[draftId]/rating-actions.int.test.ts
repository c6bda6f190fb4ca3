import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Role } from "@/lib/auth/roles";
import { ratingOf } from "@/lib/ratings/read";
import { draftRow, seedDraft, seedUser, seedWriter, validNote } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";
import { signInAs, signOut } from "@/tests/support/fixtures/session";

/** The rating as the browser reaches it: role check, input parsing and error mapping around lib/ratings. */

vi.mock("@/lib/auth/session", () => import("@/tests/support/fixtures/session"));

const { rateDraftAction } = await import("./rating-actions");

const t = await createTestDatabase();
afterAll(() => t.drop());

const as = (role: Role) => signInAs(t.db, role);

const ratingEvents = (draftId: string) =>
  t.db.auditEvent.findMany({ where: { subjectId: draftId, action: "draft.rate" }, orderBy: { id: "asc" }, select: { actorId: true, before: true, after: true } });

let draft: Awaited<ReturnType<typeof seedDraft>>;
let revisionId: string;

beforeAll(async () => {
  const writer = await seedWriter(t.db);
  draft = await seedDraft(t.db, { writerId: writer.id });
  revisionId = draft.revisionId!;
});

describe("rateDraftAction", () => {
  it("needs a signed-in reviewer", async () => {
    signOut();
    expect(await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: true })).toMatchObject({ ok: false, code: "unauthenticated" });
    await as("viewer");
    expect(await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ratingEvents(draft.id)).toEqual([]);
  });

  it("refuses input that is not a yes or no about one of the draft's AI revisions, and writes nothing", async () => {
    await as("reviewer");
    expect(await rateDraftAction({ draftId: draft.id, revisionId } as never)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { wouldPost: [expect.any(String)] } });
    expect(await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: "yes" } as never)).toMatchObject({ ok: false, code: "invalid" });
    expect(await rateDraftAction({ draftId: "", revisionId, wouldPost: true })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { draftId: [expect.any(String)] } });

    const elsewhere = await seedDraft(t.db, { writerId: (await seedWriter(t.db)).id });
    expect(await rateDraftAction({ draftId: draft.id, revisionId: elsewhere.revisionId!, wouldPost: true })).toMatchObject({ ok: false, code: "not_found" });

    const reviewer = await seedUser(t.db, "Editor", "reviewer");
    const human = await t.db.revision.create({
      data: { draftId: draft.id, number: 2, authorKind: "human", authorId: reviewer.id, parentId: revisionId, ...validNote({ text: "A reviewer's own words." }) },
      select: { id: true },
    });
    expect(await rateDraftAction({ draftId: draft.id, revisionId: human.id, wouldPost: true })).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await t.db.draftRating.count()).toBe(0);
  });

  it("stores one rating per draft and reviewer, audited; the same answer again changes nothing", async () => {
    const reviewer = await as("reviewer");
    const before = await draftRow(t.db, draft.id);

    const first = await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: true });
    expect(first).toMatchObject({ ok: true, data: { draftId: draft.id, revisionId, wouldPost: true, changed: true } });
    const stored = await ratingOf(draft.id, reviewer.id);
    expect(stored).toMatchObject({ revisionId, wouldPost: true });

    const again = await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: true });
    expect(again).toMatchObject({ ok: true, data: { wouldPost: true, changed: false } });
    expect((await ratingOf(draft.id, reviewer.id))?.ratedAt).toEqual(stored?.ratedAt);
    expect(await ratingEvents(draft.id)).toEqual([{ actorId: reviewer.id, before: null, after: { wouldPost: true, revisionId } }]);

    expect(await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: false })).toMatchObject({ ok: true, data: { wouldPost: false, changed: true } });
    expect(await ratingOf(draft.id, reviewer.id)).toMatchObject({ wouldPost: false });
    expect((await ratingEvents(draft.id)).at(-1)).toEqual({ actorId: reviewer.id, before: { wouldPost: true, revisionId }, after: { wouldPost: false, revisionId } });

    // An opinion, not a move: the draft's state, version and claim are as they were.
    expect(await draftRow(t.db, draft.id)).toEqual(before);
  });

  it("keeps each reviewer's answer apart", async () => {
    const one = await as("reviewer");
    await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: true });
    const two = await as("approver");
    await rateDraftAction({ draftId: draft.id, revisionId, wouldPost: false });
    expect(await ratingOf(draft.id, one.id)).toMatchObject({ wouldPost: true });
    expect(await ratingOf(draft.id, two.id)).toMatchObject({ wouldPost: false });
  });

  it("a draft that has been decided can still be rated", async () => {
    const decided = await seedDraft(t.db, { writerId: (await seedWriter(t.db)).id, state: "rejected" });
    await as("reviewer");
    expect(await rateDraftAction({ draftId: decided.id, revisionId: decided.revisionId!, wouldPost: false })).toMatchObject({ ok: true, data: { changed: true } });
  });
});
