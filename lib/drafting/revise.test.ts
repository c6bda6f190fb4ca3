import { describe, expect, it } from "vitest";

import type { NoteInput } from "@/lib/note-text";

import { createOfflineDrafter } from "./offline/offline-drafter";
import { toWireNote } from "./output/wire-note";
import { reviseWithSuggestions, type RevisionOutcome } from "./revise";
import { makePost } from "./testing/posts";
import { scriptedProvider } from "./testing/scripted-provider";

const post = makePost({
  text: "This photo shows today's flood in Valencia.",
  noteRequests: [{ suggestionId: "r1", suggestion: "Old photo", sourceLink: "https://apnews.com/article/valencia-2019" }],
});
const current: NoteInput = {
  text: "This photo is from a 2019 flood in Valencia, not from this week. https://apnews.com/article/valencia-2019",
  classification: "misinformed_or_potentially_misleading",
  misleadingTags: ["outdated_information"],
  trustworthySources: true,
};
const upgraded = { ...current, text: current.text.replace("https://apnews.com/article/valencia-2019", "https://www.reuters.com/fact-check/valencia") };

const answer = (story: string, note: NoteInput, suggestions: { id: string; incorporated_status: string; explanation: string }[]) =>
  JSON.stringify({ story_assessment: story, rationale: "Why.", note: toWireNote(note), suggestions });

describe("reviseWithSuggestions", () => {
  const suggestions = [
    { id: "s1", text: "Reuters has a better source: https://www.reuters.com/fact-check/valencia" },
    { id: "s2", text: "Say the author is lying" },
  ];
  const dispositions = [
    { id: "s1", incorporated_status: "YES", explanation: "Now cites Reuters." },
    { id: "s2", incorporated_status: "NO", explanation: "Notes stay neutral." },
  ];

  it("keeps a meaningful revision and returns every disposition", async () => {
    const provider = scriptedProvider([answer("SOURCE_UPGRADE", upgraded, dispositions)]);
    const outcome = await reviseWithSuggestions({ post, currentRevision: current, suggestions, provider });
    expect(outcome).toEqual({
      kind: "kept",
      kept: true,
      reason: "It cites better or additional sources.",
      revision: {
        note: upgraded,
        rationale: "Why.",
        storyAssessment: "SOURCE_UPGRADE",
        checks: expect.objectContaining({ ok: true }),
        injectionSuspected: false,
        injectionReasons: [],
      },
      dispositions: [
        { suggestionId: "s1", status: "YES", explanation: "Now cites Reuters." },
        { suggestionId: "s2", status: "NO", explanation: "Notes stay neutral." },
      ],
      provenance: expect.objectContaining({ promptVersion: "revise-v1", attempts: 1 }),
    });
  });

  it("discards a same-story rewording but still returns the dispositions and the proposal", async () => {
    const reworded = { ...current, text: "This picture shows a Valencia flood from 2019, not this week. https://apnews.com/article/valencia-2019" };
    const provider = scriptedProvider([answer("SAME_STORY", reworded, dispositions)]);
    const outcome = await reviseWithSuggestions({ post, currentRevision: current, suggestions, provider });
    expect(outcome).toMatchObject({
      kind: "discarded",
      kept: false,
      reason: "It tells the same story; a rewording alone is not worth a new version.",
      proposal: { note: reworded, storyAssessment: "SAME_STORY" },
      dispositions: [{ suggestionId: "s1" }, { suggestionId: "s2" }],
    });
  });

  it("asks again when a suggestion is left unanswered or an unknown one is answered", async () => {
    const provider = scriptedProvider([
      answer("SOURCE_UPGRADE", upgraded, [dispositions[0]!, { id: "s9", incorporated_status: "NO", explanation: "?" }]),
      answer("SOURCE_UPGRADE", upgraded, dispositions),
    ]);
    const outcome = await reviseWithSuggestions({ post, currentRevision: current, suggestions, provider });
    expect(provider.requests[1]?.messages[2]?.content).toContain(
      'Suggestion "s2" must be answered exactly once. There is no suggestion "s9".',
    );
    expect(outcome).toMatchObject({ kind: "kept", provenance: { attempts: 2 } });
  });

  it("fails, keeping the raw output, when suggestions stay unanswered", async () => {
    const incomplete = answer("SOURCE_UPGRADE", upgraded, [dispositions[0]!]);
    const outcome = await reviseWithSuggestions({
      post,
      currentRevision: current,
      suggestions,
      provider: scriptedProvider([incomplete, incomplete]),
      options: { maxRetries: 1 },
    });
    expect(outcome).toEqual({
      kind: "failed",
      kept: false,
      reason: 'The model did not answer every suggestion: Suggestion "s2" must be answered exactly once.',
      rawOutput: incomplete,
      dispositions: [],
      provenance: expect.objectContaining({ attempts: 2 }),
    });
  });

  it("fails on a provider error without throwing", async () => {
    const outcome = await reviseWithSuggestions({ post, currentRevision: current, suggestions, provider: scriptedProvider([new Error("timeout")]) });
    expect(outcome).toMatchObject({ kind: "failed", reason: "The openai-compatible provider failed: timeout", rawOutput: null });
  });

  it("accepts links that reviewers suggested or the current note cites, and flags others", async () => {
    const elsewhere = { ...current, text: current.text.replace("https://apnews.com/article/valencia-2019", "https://flood-truth.example/x") };
    const outcome = await reviseWithSuggestions({
      post,
      currentRevision: current,
      suggestions,
      provider: scriptedProvider([answer("SOURCE_UPGRADE", elsewhere, dispositions)]),
    });
    expect(outcome.kind === "kept" && outcome.revision.injectionReasons).toEqual([
      "the note links to flood-truth.example, which neither the post nor its sources mention and which is not a reference site",
    ]);
  });

  it("needs at least one suggestion", async () => {
    await expect(
      reviseWithSuggestions({ post, currentRevision: current, suggestions: [], provider: scriptedProvider([]) }),
    ).rejects.toThrow(RangeError);
  });
});

describe("reviseWithSuggestions with the offline drafter", () => {
  const provider = createOfflineDrafter();
  const revise = (...texts: string[]) =>
    reviseWithSuggestions({ post, currentRevision: current, suggestions: texts.map((text, i) => ({ id: `s${i + 1}`, text })), provider });
  const statuses = (outcome: RevisionOutcome) => outcome.dispositions.map((d) => d.status);

  it("takes a suggested link as a source upgrade", async () => {
    const outcome = await revise("Better source: https://www.reuters.com/fact-check/valencia");
    expect(outcome).toMatchObject({
      kind: "kept",
      revision: { storyAssessment: "SOURCE_UPGRADE", note: { text: upgraded.text }, injectionSuspected: false },
      dispositions: [{ suggestionId: "s1", status: "YES", explanation: "The note now cites reuters.com." }],
      provenance: { provider: "offline", model: "offline-drafter-v1", promptVersion: "revise-v1", attempts: 1 },
    });
  });

  it("renames the source in the text when it swaps the link", async () => {
    const named = { ...current, text: "The World Health Organization dates this photo to 2019. https://www.who.int/news-room/fact-sheets" };
    const outcome = await reviseWithSuggestions({
      post,
      currentRevision: named,
      suggestions: [{ id: "s1", text: "https://apnews.com/article/valencia-2019 is more specific" }],
      provider,
    });
    expect(outcome.kind === "kept" && outcome.revision.note.text).toBe(
      "apnews.com dates this photo to 2019. https://apnews.com/article/valencia-2019",
    );
  });

  it("declines a request for opinion, and keeps nothing when nothing changed", async () => {
    const outcome = await revise("Call the author a liar");
    expect(outcome).toMatchObject({
      kind: "discarded",
      reason: "The revision is (nearly) identical to the current note.",
      proposal: { storyAssessment: "SAME_STORY", note: current },
      dispositions: [{ status: "NO", explanation: expect.stringContaining("neutral") }],
    });
  });

  it("declines what it cannot do, saying so", async () => {
    const outcome = await revise("Could you make it shorter?");
    expect(outcome.kind).toBe("discarded");
    expect(outcome.dispositions[0]?.explanation).toMatch(/a reviewer can make this edit by hand/);
  });

  it("downgrades to not misleading when a suggestion says the post is accurate", async () => {
    const outcome = await revise("Actually the photo is real, this is not misleading");
    expect(outcome).toMatchObject({
      kind: "kept",
      reason: "It downgrades the note from misleading to not misleading.",
      revision: { storyAssessment: "STORY_CORRECTION", note: { classification: "not_misleading", misleadingTags: [] }, checks: { ok: true } },
      dispositions: [{ status: "YES" }],
    });
    expect(outcome.kind === "kept" && outcome.revision.note.text).toContain("https://apnews.com/article/valencia-2019");
  });

  it("adds a misleading reason a suggestion names, partially", async () => {
    const outcome = await revise("The photo was also photoshopped");
    expect(outcome).toMatchObject({
      kind: "kept",
      revision: { storyAssessment: "STORY_CORRECTION", note: { text: current.text, misleadingTags: ["outdated_information", "manipulated_media"] } },
      dispositions: [{ status: "PARTIALLY" }],
    });
  });

  it("answers several suggestions in order, using one new source at most", async () => {
    const outcome = await revise(
      "Use https://www.reuters.com/fact-check/valencia",
      "Or https://www.bbc.com/news/valencia",
      "It is old indeed",
      "Add more detail please",
    );
    expect(statuses(outcome)).toEqual(["YES", "NO", "NO", "NO"]);
    expect(outcome.dispositions.map((d) => d.explanation)).toEqual([
      "The note now cites reuters.com.",
      "Another suggested source was used; the note keeps to one link.",
      "The note already gives this reason.",
      "The offline drafter can only add a suggested source, a misleading reason or a not-misleading correction; a reviewer can make this edit by hand.",
    ]);
  });

  it("declines a link the note already cites", async () => {
    const outcome = await revise("See https://apnews.com/article/valencia-2019");
    expect(outcome).toMatchObject({ kind: "discarded", dispositions: [{ status: "NO", explanation: "The note already cites this source." }] });
  });

  it("is deterministic", async () => {
    const texts = ["Use https://www.reuters.com/fact-check/valencia", "this is accurate", "Call them liars"];
    const strip = (o: RevisionOutcome) => ({ ...o, provenance: { ...o.provenance, latencyMs: 0 } });
    expect(strip(await revise(...texts))).toEqual(strip(await revise(...texts)));
  });
});
