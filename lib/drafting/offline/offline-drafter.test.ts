import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { NormalizedPost } from "@/lib/posts/post";

import { draftPost, type DraftOutcome } from "../draft-post";
import { findInjectionSignsInDraft } from "../injection";
import { buildDraftRequest } from "../prompts/build-request";
import { arbitraryPost, makeMedia, makePost } from "../testing/posts";
import { createOfflineDrafter } from "./offline-drafter";

const drafter = createOfflineDrafter();
const request = (post: NormalizedPost, sourceLink: string | null = null, suggestion = "This is false") => ({
  suggestionId: null,
  suggestion,
  sourceLink,
});

const withoutTiming = ({ provenance, ...rest }: DraftOutcome) => ({ ...rest, provenance: { ...provenance, latencyMs: 0 } });

describe("offline drafter over many kinds of posts", () => {
  const posts = fc.sample(arbitraryPost, { seed: 1981, numRuns: 400 });

  it("always answers in one attempt, and every note it writes is valid, clean and uses known links", async () => {
    for (const post of posts) {
      const outcome = await draftPost(post, drafter);
      expect(outcome.kind).not.toBe("failed");
      expect(outcome.provenance).toMatchObject({ provider: "offline", model: "offline-drafter-v1", attempts: 1, inputTokens: 0, outputTokens: 0 });
      if (outcome.kind === "note") {
        expect(outcome.checks.issues, outcome.note.text).toEqual([]);
        expect(findInjectionSignsInDraft(outcome.note, post)).toEqual([]);
      }
    }
  });

  it("is deterministic per post", async () => {
    for (const post of posts.slice(0, 100)) {
      const { request: prompt } = buildDraftRequest(post);
      const [a, b] = await Promise.all([drafter.generate(prompt), drafter.generate(prompt)]);
      expect(a.text).toBe(b.text);
      expect(withoutTiming(await draftPost(post, drafter))).toEqual(withoutTiming(await draftPost(post, drafter)));
    }
  });

  it("produces varied drafts: every decision, both classifications, several reasons and wordings", async () => {
    const outcomes = await Promise.all(posts.map((post) => draftPost(post, drafter)));
    const notes = outcomes.flatMap((o) => (o.kind === "note" ? [o.note] : []));
    const decisions = new Set(outcomes.map((o) => (o.kind === "abstain" ? o.decision : o.kind)));
    expect(decisions).toEqual(new Set(["note", "no_note_needed", "not_enough_evidence"]));
    expect(new Set(notes.map((n) => n.classification)).size).toBe(2);
    expect(new Set(notes.flatMap((n) => n.misleadingTags)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(notes.map((n) => n.text)).size).toBeGreaterThan(30);
  });
});

describe("offline drafter in draft-v2's concise style", () => {
  const posts = fc.sample(arbitraryPost, { seed: 1981, numRuns: 400 });
  const concise = (post: NormalizedPost) => draftPost(post, drafter, { promptVersion: "draft-v2" });

  it("decides exactly as in draft-v1, writes valid, clean notes, and words them differently and shorter", async () => {
    let shorter = 0;
    let notes = 0;
    for (const post of posts) {
      const [standard, short] = await Promise.all([draftPost(post, drafter), concise(post)]);
      expect(short.kind).toBe(standard.kind);
      expect(short.provenance.promptVersion).toBe("draft-v2");
      if (standard.kind === "abstain" && short.kind === "abstain") expect(short.decision).toBe(standard.decision);
      if (standard.kind !== "note" || short.kind !== "note") continue;
      notes += 1;
      expect(short.checks.issues, short.note.text).toEqual([]);
      expect(findInjectionSignsInDraft(short.note, post)).toEqual([]);
      expect({ ...short.note, text: "" }).toEqual({ ...standard.note, text: "" });
      expect(short.note.text).not.toBe(standard.note.text);
      if (short.checks.length.count < standard.checks.length.count) shorter += 1;
    }
    expect(notes).toBeGreaterThan(50);
    expect(shorter / notes).toBeGreaterThan(0.9);
  });

  it("is deterministic per post", async () => {
    for (const post of posts.slice(0, 50)) expect(withoutTiming(await concise(post))).toEqual(withoutTiming(await concise(post)));
  });
});

describe("offline drafter rules", () => {
  const draft = (post: NormalizedPost) => draftPost(post, drafter);

  it("abstains when a media note is already shown", async () => {
    const post = makePost({
      media: [makeMedia()],
      matchedMediaNotes: [{ noteId: "1", matchStatus: "matched_and_shown" }],
      noteRequests: [request(makePost())],
    });
    expect(await draft(post)).toMatchObject({ kind: "abstain", decision: "no_note_needed", rationale: expect.stringContaining("media is already shown") });
  });

  it("abstains on posts it cannot write in", async () => {
    expect(await draft(makePost({ lang: "es", noteRequests: [request(makePost())] }))).toMatchObject({ decision: "not_enough_evidence" });
  });

  it("abstains on satire even when notes are requested", async () => {
    const post = makePost({ text: "Satire: the moon will be sold to Mars", noteRequests: [request(makePost(), "https://apnews.com/x")] });
    expect(await draft(post)).toMatchObject({ decision: "no_note_needed", rationale: expect.stringContaining('satire ("Satire")') });
  });

  it("abstains on opinion and prediction nobody asked a note for, but notes them when people did", async () => {
    const opinion = makePost({ text: "I think the vaccine rollout was the worst ever", suggestedSources: [{ url: "https://www.who.int/a", count: 1 }] });
    expect(await draft(opinion)).toMatchObject({ decision: "no_note_needed", rationale: expect.stringContaining("opinion") });
    const prediction = makePost({ text: "Inflation is going to hit 20%" });
    expect(await draft(prediction)).toMatchObject({ decision: "no_note_needed", rationale: expect.stringContaining("prediction") });
    expect(await draft({ ...opinion, noteRequests: [request(opinion, "https://www.who.int/b")] })).toMatchObject({ kind: "note" });
  });

  it("abstains without requests or sources, and without any usable link", async () => {
    expect(await draft(makePost())).toMatchObject({ decision: "not_enough_evidence" });
    const noTopic = makePost({ text: "The bridge collapsed", noteRequests: [request(makePost())] });
    expect(await draft(noTopic)).toMatchObject({ decision: "not_enough_evidence", rationale: expect.stringContaining("reference topics") });
  });

  it("cites a note request's link first, then the most suggested source", async () => {
    const post = makePost({
      noteRequests: [request(makePost(), null), request(makePost(), "https://local.example/story")],
      suggestedSources: [
        { url: "https://a.example/1", count: 1 },
        { url: "https://b.example/2", count: 5 },
      ],
    });
    const outcome = await draft(post);
    expect(outcome.kind === "note" && outcome.note.text).toMatch(/ https:\/\/local\.example\/story$/);
    expect(outcome.kind === "note" && outcome.note.trustworthySources).toBe(false);
    const bySources = await draft({ ...post, noteRequests: [] });
    expect(bySources.kind === "note" && bySources.note.text).toContain("https://b.example/2");
    expect(bySources.kind === "note" && bySources.rationale).toContain("a suggested source (suggested 5×)");
  });

  it("falls back to the topic's reference page", async () => {
    const post = makePost({ text: "Measles vaccines cause autism", noteRequests: [request(makePost(), null, "Not true, debunked")] });
    const outcome = await draft(post);
    expect(outcome).toMatchObject({
      kind: "note",
      note: { text: expect.stringContaining("https://www.who.int/news-room/fact-sheets"), trustworthySources: true },
      rationale: expect.stringContaining("reference page for public health"),
    });
  });

  it("picks misleading reasons by how many requests point to them", async () => {
    const post = makePost({
      media: [makeMedia({ type: "video" })],
      noteRequests: [
        request(makePost(), "https://apnews.com/x", "This video is old, from 2019"),
        request(makePost(), null, "Old footage, recycled"),
        request(makePost(), null, "The video was edited"),
        request(makePost(), null, "Missing context"),
      ],
    });
    const outcome = await draft(post);
    expect(outcome).toMatchObject({
      kind: "note",
      note: { classification: "misinformed_or_potentially_misleading", misleadingTags: ["outdated_information", "manipulated_media"] },
    });
  });

  it("writes a not-misleading note when requests say the post is accurate", async () => {
    const post = makePost({ noteRequests: [request(makePost(), "https://apnews.com/x", "This is real, not misleading")] });
    expect(await draft(post)).toMatchObject({ kind: "note", note: { classification: "not_misleading", misleadingTags: [] } });
  });

  it("defaults to missing context when requests give no reason", async () => {
    const post = makePost({ noteRequests: [request(makePost(), "https://apnews.com/x", "needs a note")] });
    expect(await draft(post)).toMatchObject({
      note: { misleadingTags: ["missing_important_context"] },
      rationale: expect.stringContaining("giving no specific reason"),
    });
  });

  it("simulates latency when asked, and can be aborted", async () => {
    const slow = createOfflineDrafter({ simulatedLatencyMs: 30 });
    const post = makePost({ noteRequests: [request(makePost(), "https://apnews.com/x")] });
    const outcome = await draftPost(post, slow);
    expect(outcome.provenance.latencyMs).toBeGreaterThanOrEqual(25);
    const aborted = await draftPost(post, slow, { abortSignal: AbortSignal.abort(new Error("cancelled")) });
    expect(aborted).toMatchObject({ kind: "failed", reason: expect.stringMatching(/^The offline provider failed: .*abort/), rawOutput: null });
  });
});

describe("the link the offline drafter cites", () => {
  it("passes over shorteners, plain http and error pages for the next citable source", async () => {
    const post = makePost({
      text: "The city says 40% of its buses were replaced in 2025.",
      noteRequests: [request(makePost({}), "https://bit.ly/3xYz"), request(makePost({}), "http://www.reuters.com/buses")],
      suggestedSources: [
        { url: "https://www.apnews.com/article/not-found", count: 5 },
        { url: "https://www.reuters.com/world/buses-2025", count: 2 },
      ],
    });
    const outcome = await draftPost(post, drafter);
    expect(outcome.kind).toBe("note");
    if (outcome.kind === "note") expect(outcome.note.text).toContain("https://www.reuters.com/world/buses-2025");
  });
});
