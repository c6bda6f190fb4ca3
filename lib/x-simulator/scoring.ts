import { linkTarget } from "@/lib/links/address";
import { extractUrls, noteLength } from "@/lib/note-text/length";

import { accusationPhrases, insultWords, matcher, opinionWords, sourcingWords } from "./word-lists";

/**
 * The simulator's stand-ins for X's evaluators: transparent rules, documented in docs/x-simulator.md, so a
 * test or a demo can predict every bucket. They read only the note text.
 */
export type Bucket = "high" | "medium" | "low";

export type NoteScores = {
  claimOpinionScore: number;
  claimOpinion: Bucket;
  urlValidity: "high" | "low";
  harassmentAbuse: Bucket;
};

const SHORTENERS = new Set([
  "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "is.gd", "rb.gy", "cutt.ly", "shorturl.at", "tiny.cc", "lnkd.in", "dlvr.it",
]);
const RESERVED_DOMAINS = ["example", "example.com", "example.org", "example.net", "invalid", "test", "localhost", "local"];
const DEAD_PATH = /(^|[/\-_.])(404|not-?found|deleted|removed|error|broken|expired)([/\-_.]|$)/i;

/** Why a URL would not count as a valid source, or null when it does. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(linkTarget(raw));
  } catch {
    return "not a valid URL";
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== "https:") return "not https";
  if (/^[\d.]+$/.test(host) || host.includes(":") || host.startsWith("[")) return "an IP address, not a source domain";
  const tld = host.split(".").at(-1) ?? "";
  if (!host.includes(".") || !/^[a-z]{2,24}$/.test(tld)) return "not a plausible domain";
  if (RESERVED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return "a reserved example or test domain";
  if (SHORTENERS.has(host.replace(/^www\./, ""))) return "a link shortener that hides the source";
  if (DEAD_PATH.test(url.pathname)) return "looks like a dead or error page";
  return null;
}

export function urlValidity(text: string): "high" | "low" {
  const urls = extractUrls(text);
  return urls.length > 0 && urls.every((url) => urlProblem(url) === null) ? "high" : "low";
}

const countSourcing = matcher(sourcingWords);
const countOpinion = matcher(opinionWords);
const countInsults = matcher(insultWords);
const countAccusations = matcher(accusationPhrases);

function shoutedWords(text: string): number {
  return (text.match(/(?<![\p{L}])\p{Lu}{4,}(?![\p{L}])/gu) ?? []).length;
}

/** The ClaimOpinion score evaluate_note returns; higher reads as a sourced factual claim, negative as opinion. */
export function claimOpinionScore(text: string): number {
  const urls = extractUrls(text);
  const prose = urls.reduce((rest, url) => rest.replace(url, " "), text);
  const goodHosts = new Set(urls.filter((u) => urlProblem(u) === null).map((u) => new URL(u).hostname));
  let score = 0;
  score += goodHosts.size > 0 ? 1 : 0;
  score += goodHosts.size > 1 ? 0.3 : 0;
  score -= urls.length === 0 ? 1 : 0;
  score += /\p{N}/u.test(prose) ? 0.4 : 0;
  score += /"[^"]+"|“[^”]+”|«[^»]+»|„[^“]+“|「[^」]+」/u.test(prose) ? 0.2 : 0;
  score += 0.4 * Math.min(2, countSourcing(prose));
  score -= 0.5 * Math.min(3, countOpinion(prose));
  score -= prose.includes("!") ? 0.3 : 0;
  score -= shoutedWords(prose) >= 2 ? 0.3 : 0;
  score -= countInsults(prose) > 0 ? 1 : 0;
  const length = noteLength(text);
  score += length >= 100 ? 0.2 : length < 40 ? -0.4 : 0;
  return Math.round(score * 100) / 100;
}

export function claimOpinionBucket(score: number): Bucket {
  return score >= 1 ? "high" : score < 0.3 ? "low" : "medium";
}

export function harassmentAbuse(text: string): Bucket {
  if (countInsults(text) > 0) return "low";
  return shoutedWords(text) >= 2 || text.includes("!!") || countAccusations(text) > 0 ? "medium" : "high";
}

export function scoreNote(text: string): NoteScores {
  const score = claimOpinionScore(text);
  return {
    claimOpinionScore: score,
    claimOpinion: claimOpinionBucket(score),
    urlValidity: urlValidity(text),
    harassmentAbuse: harassmentAbuse(text),
  };
}
