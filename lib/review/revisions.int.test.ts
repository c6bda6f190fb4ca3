import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { auditActions, draftRow, expireClaim, reviewTestbed, seedDraft, validNote } from "@/tests/support/fixtures/review";

import { claimDraft } from "./claims";
import { saveRevision } from "./revisions";

const { t, writerId, alice, bob } = await reviewTestbed();

async function claimedDraft() {
  const draft = await seedDraft(t.db, { writerId });
  await claimDraft(draft.id, alice);
  return draft;
}

describe("saveRevision", () => {
  it("stores an immutable human revision on top of its base and makes it current", async () => {
    const draft = await claimedDraft();
    const note = validNote({ text: "  Edited: the flood photo is from 2019. https://example.org/a  " });
    const result = await saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note }, alice);

    expect(result).toMatchObject({
      kind: "saved",
      version: draft.version + 1,
      revision: { number: 2, authorKind: "human", author: { id: alice.id, name: "Alice" }, parentId: draft.revisionId, text: "Edited: the flood photo is from 2019. https://example.org/a", ai: null },
    });
    if (result.kind !== "saved") throw new Error("unreachable");
    expect(await draftRow(t.db, draft.id)).toMatchObject({ version: draft.version + 1, currentRevisionId: result.revision.id, state: "ready" });
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(2);
    expect(await auditActions(t.db, draft.id)).toEqual(["draft.claim", "draft.revise"]);
  });

  it("two saves on the same base: the second gets both revisions back and nothing is overwritten", async () => {
    const draft = await claimedDraft();
    const base = { baseRevisionId: draft.revisionId, expectedVersion: draft.version };
    const first = validNote({ text: "First tab's wording. https://example.org/first" });
    const second = validNote({ text: "Second tab's wording. https://example.org/second", misleadingTags: ["factual_error"] });

    const saved = await saveRevision(draft.id, { ...base, note: first }, alice);
    const conflict = await saveRevision(draft.id, { ...base, note: second }, alice);

    if (saved.kind !== "saved") throw new Error("the first save should win");
    expect(conflict).toMatchObject({
      kind: "conflict",
      version: saved.version,
      theirs: { id: saved.revision.id, text: first.text },
      yours: { baseRevisionId: draft.revisionId, note: second },
    });
    expect((await draftRow(t.db, draft.id)).currentRevisionId).toBe(saved.revision.id);
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(2);
  });

  it("saves racing on one base: exactly one wins, every other one gets a conflict", async () => {
    const draft = await claimedDraft();
    const texts = Array.from({ length: 6 }, (_, i) => `Racing edit ${i}. https://example.org/${i}`);
    const results = await Promise.all(
      texts.map((text) => saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: validNote({ text }) }, alice)),
    );
    expect(results.filter((r) => r.kind === "saved")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "conflict")).toHaveLength(5);
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(2);
  });

  it("requires holding the claim, and says who holds it now", async () => {
    const draft = await claimedDraft();
    await expireClaim(t.db, draft.id);
    await claimDraft(draft.id, bob);
    const edit = { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: validNote() };

    await expect(saveRevision(draft.id, edit, alice)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("claimed by Bob") });
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(1);
  });

  it("rejects an invalid note without truncating or saving it", async () => {
    const draft = await claimedDraft();
    const tooLong = validNote({ text: `${"word ".repeat(70)}https://example.org/x` });
    await expect(saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: tooLong }, alice)).rejects.toBeInstanceOf(ZodError);
    await expect(
      saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: validNote({ text: "No link at all." }) }, alice),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(1);
  });

  it("refuses edits to a draft that left the queue", async () => {
    const draft = await seedDraft(t.db, { writerId, state: "rejected" });
    await expect(
      saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: validNote() }, alice),
    ).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("starts the history of a draft that had no text", async () => {
    const draft = await seedDraft(t.db, { writerId, note: null });
    await claimDraft(draft.id, alice);
    const result = await saveRevision(draft.id, { baseRevisionId: null, expectedVersion: draft.version, note: validNote() }, alice);
    expect(result).toMatchObject({ kind: "saved", revision: { number: 1, parentId: null } });
  });
});
