import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "@/lib/errors";
import { auditActions, draftRow, expireClaim, seedDraft, seedUser, seedWriter } from "@/tests/support/fixtures/review";
import { createTestDatabase } from "@/tests/support/db";

import { moveDraft } from "./move-draft";
import { inTransaction } from "./sql";
import { draftActions, draftStates, draftTransitions, isLegalDraftMove } from "./transitions";

const t = await createTestDatabase();
afterAll(() => t.drop());

let writerId: string;
let actor: { id: string; name: string };
beforeAll(async () => {
  writerId = (await seedWriter(t.db)).id;
  actor = await seedUser(t.db, "Ada");
});

const pairs = draftActions.flatMap((action) => draftStates.map((from) => ({ action, from, legal: isLegalDraftMove(action, from) })));

describe("draft transitions", () => {
  it("has exactly one source state per move and only known states", () => {
    for (const action of draftActions) {
      expect(draftStates).toContain(draftTransitions[action].from);
      expect(draftStates).toContain(draftTransitions[action].to);
    }
    expect(pairs.filter((p) => p.legal)).toHaveLength(draftActions.length);
  });

  it.each(pairs.filter((p) => p.legal))("$action from $from is legal: moves, bumps the version, audits", async ({ action, from }) => {
    const draft = await seedDraft(t.db, { writerId, state: from });
    const moved = await inTransaction((tx) => moveDraft(tx, { action, draftId: draft.id, actorId: actor.id, expectedVersion: draft.version }));

    expect(moved).toMatchObject({ id: draft.id, state: draftTransitions[action].to, version: draft.version + 1 });
    expect(await draftRow(t.db, draft.id)).toMatchObject({ state: draftTransitions[action].to, version: draft.version + 1 });
    const [event] = await t.db.auditEvent.findMany({ where: { subjectId: draft.id }, select: { action: true, actorId: true, before: true, after: true } });
    expect(event).toEqual({
      action: `draft.${action}`,
      actorId: actor.id,
      before: { state: from, version: draft.version },
      after: { state: draftTransitions[action].to, version: draft.version + 1 },
    });
  });

  it.each(pairs.filter((p) => !p.legal))("$action from $from is refused as invalid_state and changes nothing", async ({ action, from }) => {
    const draft = await seedDraft(t.db, { writerId, state: from });
    const before = await draftRow(t.db, draft.id);

    const error = await inTransaction((tx) => moveDraft(tx, { action, draftId: draft.id, actorId: actor.id, expectedVersion: draft.version })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "invalid_state" });
    expect(await draftRow(t.db, draft.id)).toEqual(before);
    expect(await auditActions(t.db, draft.id)).toEqual([]);
  });

  it("refuses a stale version as a conflict", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const error = await inTransaction((tx) => moveDraft(tx, { action: "reject", draftId: draft.id, actorId: actor.id, expectedVersion: draft.version + 5 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining("Someone changed this draft") });
    expect((await draftRow(t.db, draft.id)).state).toBe("ready");
  });

  it("respects another reviewer's live claim on a queued draft, and ignores a lapsed one", async () => {
    const holder = await seedUser(t.db, "Grace");
    const draft = await seedDraft(t.db, { writerId, claimedById: holder.id });
    const move = () => inTransaction((tx) => moveDraft(tx, { action: "reject", draftId: draft.id, actorId: actor.id, expectedVersion: draft.version }));

    await expect(move()).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("claimed by Grace") });
    await expireClaim(t.db, draft.id);
    await expect(move()).resolves.toMatchObject({ state: "rejected" });
  });

  it("says so when the draft does not exist", async () => {
    await expect(inTransaction((tx) => moveDraft(tx, { action: "reject", draftId: "missing", actorId: actor.id, expectedVersion: 1 }))).rejects.toMatchObject({ code: "not_found" });
  });
});
