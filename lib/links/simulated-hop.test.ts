import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { topics } from "@/lib/drafting/offline/topics";
import { startXSimulator, type XSimulator } from "@/lib/x-simulator";
import { sourceUrl, suggestedSourceUrl } from "@/lib/x-simulator/demo-data/sources";
import { seededRandom } from "@/lib/x-simulator/random";
import { urlProblem } from "@/lib/x-simulator/scoring";
import { SIMULATED_WEB_REASON_HEADER } from "@/lib/x-simulator/web";

import { createLinkChecker, type LinkCheckCache } from "./checker";
import { httpHop } from "./http-hop";
import { simulatedHop, simulatedWebUrl } from "./simulated-hop";
import { linkCheckUserAgent } from "./user-agent";

const noCache: LinkCheckCache = { get: async () => null, put: async () => undefined };

let sim: XSimulator;
beforeAll(async () => {
  sim = await startXSimulator();
});
afterAll(() => sim.stop());

const checker = () => createLinkChecker({ hop: simulatedHop(sim.url, httpHop({ userAgent: linkCheckUserAgent(undefined) })), cache: noCache, requestTimeoutMs: 2_000 });

const random = seededRandom(7);
const crafted = [
  "https://stats.valmora.gov/reports/2025/annual-summary",
  "https://www.nasa.gov/news/",
  "https://www.reuters.com/fact-check/abc?ref=feed&x=1",
  "https://www.reuters.com/fact-check/abc).",
  "https://data.portalder.org:8443/data/housing-waiting-list",
  "https://WWW.Northbridge-Herald.com/News/2026",
  "https://www.kohnan-shimbun.jp/記事/2026",
  "http://www.northbridge-herald.com/news/2026/01/council-budget-vote",
  "https://203.0.113.7/report",
  "https://[2001:db8::1]/report",
  "https://intranet/report",
  "https://example.org/archive/2019-flood",
  "https://news.test/story",
  "https://bit.ly/3xYz",
  "https://www.t.co/abc",
  "https://www.eastmoor-gazette.co.uk/news/404",
  "https://www.eastmoor-gazette.co.uk/story-not-found",
  "https://www.eastmoor-gazette.co.uk/archive/removed/2019",
  "https://factcheck.orrin-news.com/expired.html",
  "https://xn--80ak6aa92e.xn--p1ai/",
];
const corpus = [
  ...crafted,
  ...topics.map((t) => t.source),
  ...Array.from({ length: 40 }, () => sourceUrl(random)),
  ...Array.from({ length: 60 }, () => suggestedSourceUrl(random)),
];

describe("the simulated web agrees with the simulator's UrlValidity rule", () => {
  it.each(corpus)("%s", async (link) => {
    const result = await checker().checkLink(link);
    expect(result.ok).toBe(urlProblem(link) === null);
  });

  it("for any link made of plausible parts", async () => {
    const link = fc
      .tuple(
        fc.constantFrom("https://", "http://"),
        fc.constantFrom("www.", "", "stats.", "bit."),
        fc.constantFrom("valmora", "example", "reuters", "bit", "t"),
        fc.constantFrom(".gov", ".com", ".org", ".ly", ".co", ".test", ".local", ".c0m"),
        fc.array(fc.constantFrom("news", "2026", "404", "removed", "flood-photos", "not-found", "error.html", "a b", "%C3%A9"), { maxLength: 3 }),
        fc.constantFrom("", "/", "?q=1", ".", ")"),
      )
      .map(([scheme, sub, name, tld, segments, tail]) => `${scheme}${sub}${name}${tld}/${segments.join("/")}${tail}`);
    await fc.assert(
      fc.asyncProperty(link, async (l) => {
        expect((await checker().checkLink(l)).ok).toBe(urlProblem(l) === null);
      }),
      { numRuns: 60, seed: 280 },
    );
  });
});

describe("what the simulated web answers", () => {
  it("canonicalises a trailing slash with a 301, then answers 200", async () => {
    const result = await checker().checkLink("https://www.nasa.gov/news/");
    expect(result).toMatchObject({ ok: true, status: 200, finalUrl: "https://www.nasa.gov/news", redirects: [{ url: "https://www.nasa.gov/news/", status: 301 }] });
  });

  it("answers 404 with the evaluator's reason for an address it would score low", async () => {
    const response = await fetch(simulatedWebUrl(sim.url, new URL("https://bit.ly/3xYz")), { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(response.headers.get(SIMULATED_WEB_REASON_HEADER)).toBe("a link shortener that hides the source");
    expect(await checker().checkLink("https://www.eastmoor-gazette.co.uk/news/404")).toMatchObject({ ok: false, status: 404, error: "answered 404 Not Found" });
  });

  it("keeps the scheme, port, path and query of the address in the rewritten request", () => {
    expect(simulatedWebUrl("http://127.0.0.1:4810", new URL("http://a.org:8080/x/y?z=1")).href).toBe("http://127.0.0.1:4810/_sim/web/http/a.org:8080/x/y?z=1");
  });
});
