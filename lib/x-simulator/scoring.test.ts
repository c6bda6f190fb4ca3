import { describe, expect, it } from "vitest";

import { productionStatus, statusTimeline } from "./note-status";
import { claimOpinionBucket, claimOpinionScore, harassmentAbuse, scoreNote, urlProblem, urlValidity } from "./scoring";

describe("UrlValidity rule", () => {
  it.each([
    ["https://stats.valmora.gov/reports/2025", null],
    ["https://www.kohnan-shimbun.jp/news/1", null],
    ["http://stats.valmora.gov/reports", "not https"],
    ["https://bit.ly/3xYz", "a link shortener that hides the source"],
    ["https://www.t.co/abc", "a link shortener that hides the source"],
    ["https://example.org/source", "a reserved example or test domain"],
    ["https://news.site.test/a", "a reserved example or test domain"],
    ["https://192.168.1.10/report", "an IP address, not a source domain"],
    ["https://localhost/report", "not a plausible domain"],
    ["https://news.example-outlet.com/404", "looks like a dead or error page"],
    ["https://news.example-outlet.com/articles/removed/12", "looks like a dead or error page"],
    ["https://stats.valmora.gov/reports/2025).", null],
  ])("%s → %s", (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });

  it("is high only when every URL passes", () => {
    expect(urlValidity("See https://stats.valmora.gov/a and https://www.rivebelle-info.fr/b")).toBe("high");
    expect(urlValidity("See https://stats.valmora.gov/a and https://bit.ly/b")).toBe("low");
    expect(urlValidity("No link")).toBe("low");
  });
});

describe("ClaimOpinion rule", () => {
  it("scores a sourced factual correction high", () => {
    const text = "The official report published by the health board shows a 12% rise, not 48%. https://stats.valmora.gov/reports/2025/annual-summary";
    // +1 valid source, +0.4 a number, +0.8 sourcing words (three, counted up to two); 79 characters
    expect(claimOpinionScore(text)).toBe(2.2);
    expect(claimOpinionBucket(claimOpinionScore(text))).toBe("high");
  });

  it("scores opinion without a usable source low", () => {
    // A shortener earns nothing; four opinion markers count as three: −1.5.
    expect(claimOpinionScore("Honestly I think this is terrible and everyone knows it. https://bit.ly/3xYz")).toBe(-1.5);
  });

  it("places weaker sourcing in the middle", () => {
    // +1 valid source, −0.4 for a note under 40 characters
    const score = claimOpinionScore("This needs context about the bridge. https://www.northbridge-herald.com/news/2026/01/bridge");
    expect(score).toBe(0.6);
    expect(claimOpinionBucket(score)).toBe("medium");
    expect(claimOpinionBucket(0.5)).toBe("medium");
    expect(claimOpinionBucket(0.29)).toBe("low");
  });

  it("reads the demo languages", () => {
    expect(claimOpinionScore("Según el informe oficial, el 12% y no el 48%. https://www.diariocostaluz.es/datos")).toBeGreaterThanOrEqual(1);
    expect(claimOpinionScore("公式データによると12%です。 https://www.kohnan-shimbun.jp/news/1")).toBeGreaterThanOrEqual(1);
  });

  it("is deterministic", () => {
    const text = "Data from the census: 4,200 homes. https://stats.valmora.gov/census";
    expect(claimOpinionScore(text)).toBe(claimOpinionScore(text));
  });
});

describe("HarassmentAbuse rule", () => {
  it("is low on insults, medium on shouting, high otherwise", () => {
    expect(harassmentAbuse("Only an idiot believes this https://a.org")).toBe("low");
    expect(harassmentAbuse("Solo un idiota lo cree https://a.org")).toBe("low");
    expect(harassmentAbuse("Idiotically phrased, but https://a.org")).toBe("high");
    expect(harassmentAbuse("THIS IS FALSE https://a.org")).toBe("medium");
    expect(harassmentAbuse("Wake up, it is false https://a.org")).toBe("medium");
    expect(harassmentAbuse("The report says otherwise https://a.org")).toBe("high");
  });
});

describe("production statuses over simulated time", () => {
  const helpful = scoreNote("The official report published by the board shows 12%, not 48%. https://stats.valmora.gov/reports/2025");
  const weak = scoreNote("Honestly I think this is terrible. https://bit.ly/3xYz");
  const abusive = scoreNote("What an idiot, the data says 12%. https://stats.valmora.gov/reports/2025");
  const middling = scoreNote("This needs context about the bridge. https://www.northbridge-herald.com/news/2026/01/bridge");
  const { firstVerdictMs, ratedMs, settledMs } = statusTimeline;

  it("follows the documented timeline", () => {
    expect([helpful, weak, abusive, middling].map((s) => productionStatus(s, firstVerdictMs - 1))).toEqual(Array(4).fill("needs_more_ratings"));
    expect(productionStatus(abusive, firstVerdictMs)).toBe("firm_reject");
    expect(productionStatus(helpful, ratedMs - 1)).toBe("needs_more_ratings");
    expect(productionStatus(helpful, ratedMs)).toBe("currently_rated_helpful");
    expect(productionStatus(weak, ratedMs)).toBe("currently_rated_not_helpful");
    expect(productionStatus(middling, ratedMs)).toBe("needs_more_ratings");
    expect(productionStatus(middling, settledMs)).toBe("insufficient_consensus");
  });
});
