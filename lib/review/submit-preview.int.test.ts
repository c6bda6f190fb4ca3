import { describe, expect, it } from "vitest";

import { draftRow, reviewTestbed, seedDraft, validNote } from "@/tests/support/fixtures/review";

import { claimDraft } from "./claims";
import { saveRevision } from "./revisions";
import { CHANGED_SINCE_LOADED, previewSeenVersion } from "./submit-preview";

const { t, writerId, alice } = await reviewTestbed();

const textOf = (body: unknown) => (body as { info: { text: string } }).info.text;

describe("previewSeenVersion", () => {
  it("shows the request of the version the page is on, and refuses once the draft has moved on", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await claimDraft(draft.id, alice);
    const seen = (await draftRow(t.db, draft.id)).version;
    expect(textOf((await previewSeenVersion(draft.id, seen)).body)).toBe(validNote().text);

    // Another tab saves an edit: the page still on `seen` must not be shown the edit's request.
    const edited = "Edited in another tab: the photo is from 2019. https://example.org/archive/edited";
    const saved = await saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: seen, note: validNote({ text: edited }) }, alice);
    if (saved.kind !== "saved") throw new Error("the edit should save");

    await expect(previewSeenVersion(draft.id, seen)).rejects.toMatchObject({ code: "conflict", message: CHANGED_SINCE_LOADED });
    expect(textOf((await previewSeenVersion(draft.id, saved.version)).body)).toBe(edited);
  });

  it("says so when the draft is gone", async () => {
    await expect(previewSeenVersion("no-such-draft", 1)).rejects.toMatchObject({ code: "not_found" });
  });
});
