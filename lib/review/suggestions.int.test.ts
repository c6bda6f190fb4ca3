import { describe, expect, it } from "vitest";

import { auditActions, reviewTestbed, seedDraft } from "@/tests/support/fixtures/review";

import { addSuggestion, listSuggestions, recordSuggestionDispositions } from "./suggestions";

const { t, writerId, alice } = await reviewTestbed();

describe("suggestions", () => {
  it("stores a suggestion as pending and lists it", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const suggestion = await addSuggestion(draft.id, "  Cite the original 2019 article.  ", alice);

    expect(suggestion).toMatchObject({ text: "Cite the original 2019 article.", author: { id: alice.id, name: "Alice" }, disposition: "pending", revisionId: null });
    expect(await listSuggestions(draft.id, "pending")).toEqual([suggestion]);
    expect(await auditActions(t.db, draft.id)).toEqual(["suggestion.add"]);
  });

  it("only takes suggestions on queued drafts", async () => {
    const draft = await seedDraft(t.db, { writerId, state: "submitted" });
    await expect(addSuggestion(draft.id, "Change the source.", alice)).rejects.toMatchObject({ code: "invalid_state" });
    await expect(addSuggestion("missing", "Change the source.", alice)).rejects.toMatchObject({ code: "not_found" });
  });

  it("records the AI loop's answers once, with the revision that answers them", async () => {
    const draft = await seedDraft(t.db, { writerId });
    const first = await addSuggestion(draft.id, "Use the agency's own page.", alice);
    const second = await addSuggestion(draft.id, "Say it is satire.", alice);

    const recorded = await recordSuggestionDispositions(draft.id, draft.revisionId, [
      { suggestionId: first.id, disposition: "yes", reason: "Swapped in the agency link." },
      { suggestionId: second.id, disposition: "no", reason: "Nothing indicates satire." },
    ]);
    expect(recorded).toEqual([first.id, second.id]);
    // Answering again changes nothing.
    expect(await recordSuggestionDispositions(draft.id, null, [{ suggestionId: first.id, disposition: "no", reason: "Changed my mind." }])).toEqual([]);

    const listed = await listSuggestions(draft.id);
    expect(listed.map((s) => [s.disposition, s.dispositionReason, s.revisionId])).toEqual([
      ["yes", "Swapped in the agency link.", draft.revisionId],
      ["no", "Nothing indicates satire.", draft.revisionId],
    ]);
    expect(listed.every((s) => s.resolvedAt instanceof Date)).toBe(true);
  });
});
