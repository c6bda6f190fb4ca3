import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/tests/support/db";

import { runDrafting } from "./drafting-run";
import type { DraftingProvider } from "./provider";
import { reviseDraft } from "./revision-run";
import { numberedPosts, seedFeed } from "./testing/feed-fixture";
import { keyedProvider, noteReply, reviseReply } from "./testing/keyed-provider";

let t: TestDatabase;
let reviewerId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  reviewerId = (await t.db.user.create({ data: { email: "rita@example.org", name: "Rita", passwordHash: "-", role: "reviewer" } })).id;
});
afterAll(() => t.drop());

const FIRST_TEXT = "The photo is from 2019, not today: https://www.reuters.com/fact-check/flood-photo-2019";
const CORRECTED_TEXT =
  "The photo shows the 2019 flood in Valencia, not this week's storm: https://www.reuters.com/fact-check/flood-photo-2019 https://apnews.com/article/valencia-2019";

let drafts = 0;
/** A draft in the queue with its first AI revision and two pending suggestions. */
async function draftWithSuggestions() {
  drafts += 1;
  const [post] = numberedPosts(1).map((p) => ({ ...p, id: String(5_000_000_000_000_000_000n + BigInt(drafts)) }));
  const feed = await seedFeed(t.db, [post!], `revision writer ${drafts}`);
  await runDrafting(t.db, keyedProvider(() => noteReply(FIRST_TEXT)), { feed, concurrency: 1 });
  const draft = await t.db.draft.findFirstOrThrow({ where: { writerId: feed.writerId } });
  const suggestions = await Promise.all(
    ["Say which flood it was.", "Add a second source."].map((text) => t.db.suggestion.create({ data: { draftId: draft.id, authorId: reviewerId, text } })),
  );
  return { draft, suggestionIds: suggestions.map((s) => s.id) };
}

const request = (draftId: string) => ({ draftId, requestedById: reviewerId });

describe("reviseDraft", () => {
  it("keeps a meaningful revision: new current AI revision, answered suggestions, audit", async () => {
    const { draft, suggestionIds } = await draftWithSuggestions();
    const provider = keyedProvider(() => reviseReply(suggestionIds, { text: CORRECTED_TEXT, story: "STORY_CORRECTION" }));

    const result = await reviseDraft(t.db, provider, request(draft.id));

    expect(result.kind).toBe("applied");
    const after = await t.db.draft.findUniqueOrThrow({ where: { id: draft.id }, include: { currentRevision: true } });
    expect(after.version).toBe(draft.version + 1);
    expect(after.currentRevision).toMatchObject({
      number: 2,
      authorKind: "ai",
      parentId: draft.currentRevisionId,
      text: CORRECTED_TEXT,
      storyAssessment: "STORY_CORRECTION",
      model: "keyed-test-model",
    });
    const suggestions = await t.db.suggestion.findMany({ where: { draftId: draft.id } });
    expect(suggestions.map((s) => [s.disposition, s.dispositionReason, s.revisionId])).toEqual([
      ["yes", "Done as asked.", after.currentRevisionId],
      ["yes", "Done as asked.", after.currentRevisionId],
    ]);
    expect(suggestions.every((s) => s.resolvedAt !== null)).toBe(true);
    const actions = (await t.db.auditEvent.findMany({ where: { subjectId: draft.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["draft.answer_suggestion", "draft.answer_suggestion", "draft.ai_revise"]);
  });

  it("discards a rewording that changes nothing, but still answers the suggestions", async () => {
    const { draft, suggestionIds } = await draftWithSuggestions();
    const provider = keyedProvider(() => reviseReply(suggestionIds, { text: FIRST_TEXT, story: "SAME_STORY", status: "NO" }));

    const result = await reviseDraft(t.db, provider, request(draft.id));

    expect(result.kind).toBe("discarded");
    const after = await t.db.draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ version: draft.version, currentRevisionId: draft.currentRevisionId });
    expect(await t.db.revision.count({ where: { draftId: draft.id } })).toBe(1);
    const suggestions = await t.db.suggestion.findMany({ where: { draftId: draft.id } });
    expect(suggestions.map((s) => [s.disposition, s.revisionId])).toEqual([
      ["no", null],
      ["no", null],
    ]);
  });

  it("never overwrites a person's edit saved while the AI was revising", async () => {
    const { draft, suggestionIds } = await draftWithSuggestions();
    let humanRevisionId = "";
    const provider: DraftingProvider = {
      id: "openai-compatible",
      model: "slow-model",
      async generate() {
        // Meanwhile a reviewer saves their own version, as lib/review does: new revision, version + 1.
        const human = await t.db.revision.create({
          data: {
            draftId: draft.id,
            number: 2,
            authorKind: "human",
            authorId: reviewerId,
            parentId: draft.currentRevisionId,
            text: `${FIRST_TEXT} (edited by Rita)`,
            classification: "misinformed_or_potentially_misleading",
            misleadingTags: ["outdated_information"],
            trustworthySources: true,
          },
        });
        humanRevisionId = human.id;
        await t.db.draft.update({ where: { id: draft.id }, data: { version: { increment: 1 }, currentRevisionId: human.id } });
        return { text: reviseReply(suggestionIds, { text: CORRECTED_TEXT, story: "STORY_CORRECTION" }), usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 1 };
      },
    };

    const result = await reviseDraft(t.db, provider, request(draft.id));

    expect(result).toMatchObject({ kind: "not_applied", reason: expect.stringMatching(/reviewer saved an edit/) });
    const after = await t.db.draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.currentRevisionId).toBe(humanRevisionId);
    expect(after.version).toBe(draft.version + 1);
    const aiRevision = await t.db.revision.findFirstOrThrow({ where: { draftId: draft.id, number: 3 } });
    expect(aiRevision).toMatchObject({ authorKind: "ai", parentId: draft.currentRevisionId, text: CORRECTED_TEXT });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: draft.id, action: "draft.ai_revision_not_applied" } });
    expect(audit.after).toMatchObject({ revisionId: aiRevision.id, requestedById: reviewerId });
  });

  it("leaves the suggestions pending when the model gives no usable answer", async () => {
    const { draft } = await draftWithSuggestions();

    const result = await reviseDraft(t.db, keyedProvider(() => "no idea"), request(draft.id));

    expect(result.kind).toBe("failed");
    expect(await t.db.suggestion.count({ where: { draftId: draft.id, disposition: "pending" } })).toBe(2);
    expect(await t.db.auditEvent.count({ where: { subjectId: draft.id, action: "draft.ai_revision_fail" } })).toBe(1);
  });

  it("does nothing without pending suggestions or outside the queue", async () => {
    const { draft, suggestionIds } = await draftWithSuggestions();
    const provider = keyedProvider(() => reviseReply(suggestionIds, { text: CORRECTED_TEXT, story: "STORY_CORRECTION" }));
    await t.db.draft.update({ where: { id: draft.id }, data: { state: "approved" } });

    expect(await reviseDraft(t.db, provider, request(draft.id))).toMatchObject({ kind: "nothing_to_do", reason: expect.stringMatching(/approved/) });
    await t.db.suggestion.updateMany({ where: { draftId: draft.id }, data: { disposition: "no" } });
    expect(await reviseDraft(t.db, provider, request(draft.id))).toMatchObject({ kind: "nothing_to_do" });
    expect(provider.calls).toBe(0);
  });
});
