import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { arbitraryPost, makeMedia, makePost } from "@/lib/drafting/testing/posts";
import type { NormalizedPost } from "@/lib/posts/post";
import { buildDemoData } from "@/lib/x-simulator/demo-data/build";
import type { DemoPost } from "@/lib/x-simulator/demo-data/types";
import { DEFAULT_SEED } from "@/lib/x-simulator/options";

import { assessCheckability, scoreCheckability } from "./heuristics";
import { strongestAgainst } from "./store";
import type { ModelOpinion } from "./types";

/** What the full assessment says of the fields the sync run stores. */
function storedOf(post: NormalizedPost, opinion: ModelOpinion | null) {
  const { checkability, verdict, reasons } = assessCheckability(post, opinion);
  return { checkability, verdict, blocked: reasons.some((r) => r.blocking), against: strongestAgainst(reasons) };
}

// Pieces that fire every signal, and combinations of them: ties between equal weights, blocking, the model.
const fragments = [
  "I think", "honestly", "unpopular opinion:", "should", "the worst", "mark my words", "will", "va a", "wird", "lo digo ya",
  "Satire:", "#sátira", "The Onion", "confirmed", "according to", "official", "según el informe", "bestätigt", "発表", "今朝",
  "40%", "4,800", "$3.5", "84 %", "COVID-19", "K2", "#12", "@user9", "1999", "2026", "“a long quoted sentence”", "\"one\"",
  "«dit le ministre hier»", "Port Alder", "Mayor Elena Voss", "Bank of England", "https://t.co/abc123", "this morning",
  "video from", "así está", "the", "a", "and", "city", "bridge", ".", "!", "\n",
];
const arbitraryText = fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map((parts) => parts.join(" "));
const arbitraryOpinion = fc.option(
  fc.record({ checkable: fc.boolean(), reason: fc.constantFrom("A dated claim.", "A joke."), model: fc.constant("m"), promptVersion: fc.constant("triage-v1") }),
  { nil: null },
);
const arbitraryVariedPost = fc
  .tuple(arbitraryPost, arbitraryText, fc.constantFrom<string | null>("en", "es", "de", "fr", "pt", "ja", null, "und"), fc.boolean())
  .map(([post, text, lang, matchedNotShown]) => ({
    ...post,
    text,
    lang,
    matchedMediaNotes: matchedNotShown && post.matchedMediaNotes.length === 0 ? [{ noteId: "78", matchStatus: "matched_but_not_shown" }] : post.matchedMediaNotes,
  }));

/** A demo post as the sync reads it (what triage looks at: text, language, media, note requests, sources, media notes). */
function normalized(demo: DemoPost): NormalizedPost {
  return makePost({
    id: demo.id,
    text: demo.longText ?? demo.text,
    lang: demo.lang,
    media: demo.media.map((m) => makeMedia({ key: m.key, type: m.type, altText: m.altText })),
    noteRequests: demo.noteRequests,
    suggestedSources: demo.sourceLinks.map(({ url, count }) => ({ url, count })),
    matchedMediaNotes: demo.matchedMediaNotes,
    publicMetrics: demo.publicMetrics,
  });
}

describe("scoreCheckability (what ingestion stores, without building reasons)", () => {
  it("gives exactly the full assessment's checkability, verdict, blocking and strongest signal against, on generated posts", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPost, arbitraryVariedPost), arbitraryOpinion, (post, opinion) => {
        expect(scoreCheckability(post, opinion)).toEqual(storedOf(post, opinion));
      }),
      {
        numRuns: 2_000,
        // Ties between equal pulls towards out, where the first in the signals' order must win: opinion and
        // prediction both at their floor, and a model's "no" against two weak predictions (both −1.2).
        examples: [
          [makePost({ text: "I think honestly the worst, unpopular opinion: mark my words it will and it will" }), null],
          [makePost({ text: "Mark my words, I think honestly it will be the worst, unpopular opinion: lo digo ya" }), null],
          [makePost({ text: "The bridge will reopen and traffic will return, mark the date", lang: "en" }), { checkable: false, reason: "A joke.", model: "m", promptVersion: "triage-v1" }],
        ],
      },
    );
  });

  it("gives exactly the same on every post of the demo feeds, with and without a model's opinion", () => {
    const data = buildDemoData(DEFAULT_SEED);
    const posts = [...data.testFeed, ...data.liveFeed, ...data.referenced.values()].map(normalized);
    expect(posts.length).toBeGreaterThan(300);
    const opinions: (ModelOpinion | null)[] = [null, true, false].map((checkable) =>
      checkable === null ? null : { checkable, reason: "A dated claim.", model: "m", promptVersion: "triage-v1" },
    );
    for (const opinion of opinions) {
      for (const post of posts) expect({ id: post.id, ...scoreCheckability(post, opinion) }).toEqual({ id: post.id, ...storedOf(post, opinion) });
    }
    // The feed has posts both ways and posts pulled out by each kind of signal: the comparison covers them.
    const against = new Set(posts.map((p) => scoreCheckability(p).against));
    expect([...against]).toEqual(expect.arrayContaining(["opinion", "prediction", "satire", null]));
  });
});
