import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { extractUrls, noteLength } from "./length";

// A fixed seed keeps the properties deterministic; change it locally to explore further.
fc.configureGlobal({ seed: 280, numRuns: 300 });

const codePoints = (text: string) => [...text].length;

describe("noteLength", () => {
  it.each([
    ["plain ASCII", "Context sentence.", 17],
    ["empty", "", 0],
    ["one link is one character", "https://example.org/a/very/long/path?with=query&and=more#fragment", 1],
    ["text and a link", "See https://example.org", 5],
    ["http links count too", "http://a.b", 1],
    ["two links", "https://a.org and https://b.org", 7],
    ["punctuation glued to a link belongs to it", "See https://a.org/x.", 5],
    ["brackets around a link: the closing one is swallowed", "(https://a.org)", 2],
    ["a bare scheme is not a link", "https://", 8],
    ["an upper-case scheme is not a link for the API", "HTTPS://A.ORG", 13],
    ["an emoji outside the BMP (surrogate pair) is one", "😀", 1],
    ["a ZWJ family is every code point it is built from", "👨‍👩‍👧", 5],
    ["a flag is two regional indicators", "🇫🇷", 2],
    ["a skin-tone emoji is base + modifier", "👍🏽", 2],
    ["a combining accent is its own code point", "e\u0301", 2],
    ["a precomposed accent is one", "é", 1],
    ["CJK characters are one each", "東京都の人口", 6],
    ["a rare CJK ideograph outside the BMP is one", "𠮷野家", 3],
    ["a lone surrogate still counts", "\uD83D", 1],
    ["newlines count", "a\nb", 3],
  ])("%s", (_name, text, expected) => {
    expect(noteLength(text)).toBe(expected);
  });

  it("counts a link glued to CJK text up to the next whitespace only", () => {
    expect(noteLength("出典https://example.jp/記事 参照")).toBe(2 + 1 + 3);
  });
});

describe("extractUrls", () => {
  it("returns links in order, including glued trailing punctuation", () => {
    expect(extractUrls("a https://x.org/1, then http://y.org/2. End")).toEqual(["https://x.org/1,", "http://y.org/2."]);
  });

  it("returns [] when there is none", () => {
    expect(extractUrls("no links here, just example.org")).toEqual([]);
  });
});

describe("noteLength properties", () => {
  const url = fc
    .tuple(fc.constantFrom("http://", "https://"), fc.stringMatching(/^\S+$/))
    .map(([scheme, rest]) => scheme + rest);
  const anyText = fc.string({ unit: "binary", maxLength: 80 });
  const textWithoutLinks = anyText.filter((text) => !/https?:\/\//.test(text));

  it("a link separated by a space adds exactly 2", () => {
    fc.assert(
      fc.property(anyText, url, (text, link) => {
        expect(noteLength(`${text} ${link}`)).toBe(noteLength(text) + 2);
      }),
    );
  });

  it("any link alone is 1", () => {
    fc.assert(
      fc.property(url, (link) => {
        expect(noteLength(link)).toBe(1);
      }),
    );
  });

  it("equals the code-point length when there is no link", () => {
    fc.assert(
      fc.property(textWithoutLinks, (text) => {
        expect(noteLength(text)).toBe(codePoints(text));
      }),
    );
  });

  it("is never negative and never more than the code-point length", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(noteLength(text)).toBeGreaterThanOrEqual(0);
        expect(noteLength(text)).toBeLessThanOrEqual(codePoints(text));
      }),
    );
  });

  it("joining two texts never costs more than counting them apart", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, url), fc.oneof(anyText, url), (a, b) => {
        expect(noteLength(a + b)).toBeLessThanOrEqual(noteLength(a) + noteLength(b));
      }),
    );
  });
});
