import { describe, expect, it } from "vitest";

import { reviewTestbed, seedDraft, validNote } from "@/tests/support/fixtures/review";

import { claimDraft } from "./claims";
import { getDraftDetail } from "./detail";
import { saveRevision } from "./revisions";
import { addSuggestion } from "./suggestions";

const { t, writerId, alice } = await reviewTestbed();

describe("getDraftDetail", () => {
  it("gathers the post, the AI draft, the history, suggestions, claim and audit", async () => {
    const draft = await seedDraft(t.db, { writerId });
    await t.db.post.update({
      where: { id: draft.postId },
      data: {
        media: [{ key: "3_1", type: "photo", url: "https://pbs.example/1.jpg", previewUrl: null, altText: "Flooded street", durationMs: null, width: 800, height: 600 }],
        referencedPosts: [{ type: "quoted", id: "123", text: null, authorUsername: null, missing: true }],
        noteRequests: [{ suggestionId: null, suggestion: "This photo is old", sourceLink: null }],
        suggestedSources: "not a list",
      },
    });
    await claimDraft(draft.id, alice);
    const edited = validNote({ text: "Edited wording. https://example.org/edited" });
    await saveRevision(draft.id, { baseRevisionId: draft.revisionId, expectedVersion: draft.version, note: edited }, alice);
    await addSuggestion(draft.id, "Mention the date.", alice);

    const detail = await getDraftDetail(draft.id);

    expect(detail.draft).toMatchObject({ id: draft.id, state: "ready", version: 2, mode: "test", aiDecision: "write_note" });
    expect(detail.post).toMatchObject({
      id: draft.postId,
      media: [{ altText: "Flooded street" }],
      referencedPosts: [{ type: "quoted", missing: true }],
      noteRequests: [{ suggestion: "This photo is old" }],
      suggestedSources: [],
    });
    expect(detail.aiDraft).toMatchObject({ id: draft.revisionId, authorKind: "ai", ai: { rationale: "The image is older than claimed.", model: "offline-drafter-v1" } });
    expect(detail.current).toMatchObject({ number: 2, authorKind: "human", text: edited.text });
    expect(detail.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(detail.suggestions).toHaveLength(1);
    expect(detail.claim).toMatchObject({ byName: "Alice" });
    expect(detail.submission).toBeNull();
    expect(detail.audit.map((e) => e.action)).toEqual(["draft.claim", "draft.revise", "suggestion.add"]);
  });

  it("is not_found for an unknown draft", async () => {
    await expect(getDraftDetail("missing")).rejects.toMatchObject({ code: "not_found" });
  });
});
