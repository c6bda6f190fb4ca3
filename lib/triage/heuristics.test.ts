import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { arbitraryPost, makeMedia, makePost } from "@/lib/drafting/testing/posts";
import type { NormalizedPost } from "@/lib/posts/post";

import { assessCheckability, BASELINE, IN_THRESHOLD, weights } from "./heuristics";
import { labelReasons } from "./labels";
import type { TriageSignal } from "./types";

/** Reasons as reviewers read them: the labels are part of what a signal produces. */
const reasonsOf = (overrides: Partial<NormalizedPost>) => labelReasons(assessCheckability(makePost(overrides)).reasons);
const reason = (signal: TriageSignal, overrides: Partial<NormalizedPost>) => reasonsOf(overrides).find((r) => r.signal === signal);
const request = (suggestion = "The figure is wrong.") => ({ suggestionId: null, suggestion, sourceLink: null });

describe("each signal", () => {
  it("counts concrete figures in any script, but not years, tags, handles, names or link digits", () => {
    expect(reason("numbers", { text: "Rents rose 40% to $1,250 for 3 of 4 flats." })).toMatchObject({
      label: "4 concrete numbers: 40%, $1,250, 3",
      evidence: ["40%", "$1,250", "3"],
      count: 4,
      weight: weights.numbers[2],
    });
    expect(reason("numbers", { text: "Über Nacht um 84 % erhöht.", lang: "de" })?.label).toBe("1 concrete number: 84 %");
    expect(reason("numbers", { text: "公式データ：空き家が4800戸。", lang: "ja" })?.label).toBe("1 concrete number: 4800");
    expect(reason("numbers", { text: "The Kestrel K2 and #42 from @user7 since 2019 https://t.co/a1b2c3" })).toBeUndefined();
    expect(reason("year", { text: "Biggest jump since 2019." })).toMatchObject({ label: "dated: 2019", weight: weights.year });
  });

  it("reads quoted speech in every quotation style, but not a one-word scare quote", () => {
    for (const text of ['"We never promised lower taxes" — the mayor', "« On ne savait pas » — le maire", "„Wir wussten nichts“ – die Ministerin", "「制御できている」と発言"]) {
      expect(reason("quote", { text })?.weight).toBe(weights.quote);
    }
    expect(reason("quote", { text: 'Drivers report feeling "seen".' })).toBeUndefined();
    expect(reason("quote", { text: '"We never promised lower taxes" — the mayor' })?.label).toBe("quotes someone: “We never promised lower taxes”");
  });

  it("names claim verbs in English and Spanish", () => {
    expect(reason("claim_verb", { text: "The council confirmed the closure." })).toMatchObject({ label: "claim verb: 'confirmed'", weight: weights.claimVerb.one });
    expect(reason("claim_verb", { text: "Según el informe, el paro subió.", lang: "es" })).toMatchObject({
      label: "claim verbs: 'según', 'informe', 'subió'",
      weight: weights.claimVerb.several,
    });
    expect(reason("claim_verb", { text: "The reconfirmed plan." })).toBeUndefined();
  });

  it("finds names that are not just a sentence's first word; German needs two capitalised words", () => {
    expect(reason("named_entities", { text: "Honestly the rents in Port Alder are up. Mayor Elena Voss knew." })?.label).toBe(
      "names Port Alder, Mayor Elena Voss",
    );
    expect(reason("named_entities", { text: "Honestly nothing here." })).toBeUndefined();
    expect(reason("named_entities", { text: "In der Stadt stehen Wohnungen leer.", lang: "de" })).toBeUndefined();
    expect(reason("named_entities", { text: "Die Zahlen zeigen, dass Rotheide Energie lügt.", lang: "de" })?.label).toBe("names Rotheide Energie");
  });

  it("notices links and media that the text dates or places", () => {
    expect(reason("link", { text: "Read it https://example.org/report" })).toMatchObject({ label: "links 1 page", weight: weights.link });
    const video = [makeMedia({ type: "video" })];
    expect(reason("media_claim", { text: "This is the harbour this morning.", media: video })).toMatchObject({
      label: "says what its media shows: 'this is', 'this morning'",
      weight: weights.mediaClaim,
    });
    expect(reason("media_claim", { text: "This is the harbour this morning." })).toBeUndefined();
  });

  it("weighs opinion and prediction cues by strength, more cues weighing more, down to a floor", () => {
    expect(reason("opinion", { text: "It should go." })?.weight).toBe(weights.opinion.weak);
    expect(reason("opinion", { text: "I think it is the worst." })).toMatchObject({
      label: "opinion words: 'i think', 'the worst'",
      weight: weights.opinion.strong + weights.opinion.perExtra,
    });
    expect(reason("opinion", { text: "Honestly, I think, in my opinion, it should be the worst." })?.weight).toBe(weights.opinion.floor);
    expect(reason("prediction", { text: "Mark my words: it will crash." })).toMatchObject({
      label: "prediction: 'mark my words', 'will'",
      weight: weights.prediction.strong + weights.prediction.perExtra,
    });
    expect(reason("prediction", { text: "Lo digo ya: va a quebrar.", lang: "es" })?.label).toBe("prediction: 'lo digo ya', 'va a'");
    // A German "will" wants, it does not predict: each language is read with its own list.
    expect(reason("prediction", { text: "Ich will das wissen.", lang: "de" })).toBeUndefined();
    expect(reason("prediction", { text: "Ich will das wissen.", lang: null })).toBeDefined();
  });

  it("spots satire markers in any language", () => {
    for (const text of ["Council bans Mondays. #satire", "El pueblo prohíbe los lunes. #sátira", "信号機を撤去へ #風刺", "Area man declares himself mayor"]) {
      expect(reason("satire", { text, lang: null })?.weight).toBe(weights.satire);
    }
  });

  it("finds a bare exclamation too short to hold a claim, unless media carries it", () => {
    expect(reason("too_short", { text: "lol so true" })).toMatchObject({ label: "too short to hold a claim (3 words)", weight: weights.tooShort });
    expect(reason("too_short", { text: "lol so true", media: [makeMedia()] })).toBeUndefined();
  });

  it("weighs the media type: video is harder to source, a photo can be traced", () => {
    const mediaReason = (type: string) => reason("media", { media: [makeMedia({ type })] });
    expect(mediaReason("video")).toEqual({
      signal: "media",
      label: "video (notes on video are harder to source)",
      weight: weights.media.video,
      evidence: ["video"],
    });
    expect(mediaReason("photo")?.weight).toBe(weights.media.photo);
    expect(mediaReason("animated_gif")?.weight).toBe(weights.media.animated_gif);
    expect(reason("media", { media: [makeMedia({ type: "photo" }), makeMedia({ type: "video" })] })?.weight).toBe(weights.media.mixed);
    expect(reason("media", {})).toBeUndefined();
  });

  it("blocks a post whose media note is already shown, however checkable it looks", () => {
    const shown = assessCheckability(
      makePost({ text: "Official figures: 4,800 homes empty, the council confirmed.", matchedMediaNotes: [{ noteId: "1", matchStatus: "matched_and_shown" }] }),
    );
    expect(shown.verdict).toBe("out");
    expect(shown.checkability).toBeGreaterThan(IN_THRESHOLD);
    expect(labelReasons(shown.reasons)[0]).toMatchObject({
      signal: "media_note_shown",
      blocking: true,
      label: "a media note is already shown on this post: X rejects new notes",
    });
    expect(reason("media_note_matched", { matchedMediaNotes: [{ noteId: "1", matchStatus: "matched_but_not_shown" }] })?.weight).toBe(weights.mediaNoteMatched);
  });

  it("counts note requests and suggested sources with diminishing returns", () => {
    const requests = (n: number) => reason("note_requests", { noteRequests: Array.from({ length: n }, () => request()) });
    expect(requests(1)).toMatchObject({ label: "1 note request", weight: 0.4 });
    expect(requests(6)).toMatchObject({ label: "6 note requests", weight: weights.noteRequests.cap });
    expect(requests(2)!.weight - requests(1)!.weight).toBeGreaterThan(requests(3)!.weight - requests(2)!.weight);
    expect(reason("suggested_sources", { suggestedSources: [{ url: "https://a.example", count: 3 }, { url: "https://b.example", count: 1 }] })?.label).toBe(
      "2 suggested sources",
    );
  });
});

describe("verdicts", () => {
  it("puts a factual claim with figures and a note request in", () => {
    const result = assessCheckability(
      makePost({ text: "Unemployment doubled to 7.5% last month, the highest since 1982.", noteRequests: [request("The rate is 4.1%, not 7.5%.")] }),
    );
    expect(result.verdict).toBe("in");
    expect(result.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(["numbers", "claim_verb", "note_requests"]));
  });

  it("puts 'I think X will win' out, as opinion and prediction", () => {
    const result = assessCheckability(makePost({ text: "I think Ridley will win." }));
    expect(result.verdict).toBe("out");
    expect(result.reasons.slice(0, 2).map((r) => r.signal)).toEqual(["opinion", "prediction"]);
  });

  it("puts satire out even when it reads like news", () => {
    const result = assessCheckability(makePost({ text: "Local man confirmed as world's leading expert on 3 headlines, sources say. #satire" }));
    expect(result.verdict).toBe("out");
    expect(result.reasons[0]?.signal).toBe("satire");
  });

  it("puts a post with nothing to check out, at the baseline", () => {
    expect(assessCheckability(makePost({ text: "Good morning everyone, have a lovely day" }))).toEqual({
      checkability: Math.round(1e4 / (1 + Math.exp(-BASELINE))) / 1e4,
      verdict: "out",
      reasons: [],
    });
  });

  it("lets the model tip a borderline post, as one more weighted reason", () => {
    const post = makePost({ text: "NASA confirmed the asteroid will hit Earth next week." });
    const alone = assessCheckability(post);
    const withModel = assessCheckability(post, { checkable: true, reason: "A dated claim about NASA's statement.", model: "grok-mini", promptVersion: "triage-v1" });
    expect(alone.verdict).toBe("out");
    expect(withModel.verdict).toBe("in");
    expect(withModel.reasons).toContainEqual({ signal: "model", weight: weights.model, evidence: ["A dated claim about NASA's statement."] });
    expect(labelReasons(withModel.reasons, "grok-mini").find((r) => r.signal === "model")?.label).toBe(
      "grok-mini: checkable — A dated claim about NASA's statement.",
    );
    const opinion = assessCheckability(makePost({ text: "I think the mayor is the worst." }), { checkable: true, reason: "x", model: "m", promptVersion: "p" });
    expect(opinion.verdict).toBe("out");
  });
});

describe("properties", () => {
  it("is deterministic, bounded, sorted strongest first, and its verdict follows the threshold", () => {
    fc.assert(
      fc.property(arbitraryPost, (post) => {
        const result = assessCheckability(post);
        expect(assessCheckability(structuredClone(post))).toEqual(result);
        expect(result.checkability).toBeGreaterThanOrEqual(0);
        expect(result.checkability).toBeLessThanOrEqual(1);
        const blocked = result.reasons.some((r) => r.blocking);
        expect(result.verdict).toBe(!blocked && result.checkability >= IN_THRESHOLD ? "in" : "out");
        const strengths = result.reasons.filter((r) => !r.blocking).map((r) => Math.abs(r.weight));
        expect(strengths).toEqual(strengths.toSorted((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });
});
