import { linkTarget } from "@/lib/links/address";
import type { LinkChecker } from "@/lib/links/checker";
import type { LinkCheckResult } from "@/lib/links/types";
import { XApiError, type XClient } from "@/lib/x";

import type { GateDeps } from "./evaluate";

/** Test-only: gate dependencies whose answers the test scripts, counting the calls they get. */

function linkAnswer(url: string, status: number | null, error: string | null = null): LinkCheckResult {
  return { url, ok: status === 200, status, finalUrl: status === null ? null : url, redirects: [], error: status === 200 ? null : (error ?? `answered ${status}`), checkedAt: new Date().toISOString(), fromCache: false };
}

export function scriptedGateDeps(options: { score?: number | (() => number); deadLinks?: Record<string, number> } = {}) {
  const calls = { evaluate: 0, links: [] as string[] };
  const evaluateNote: XClient["evaluateNote"] = async () => {
    calls.evaluate += 1;
    const { score = 2 } = options;
    return { claimOpinionScore: typeof score === "function" ? score() : score, raw: {} };
  };
  const checkLink = async (link: string) => {
    const url = linkTarget(link);
    calls.links.push(url);
    return linkAnswer(url, options.deadLinks?.[url] ?? 200);
  };
  const linkChecker: LinkChecker = { checkLink, checkLinks: (links) => Promise.all(links.map(checkLink)) };
  const deps: GateDeps = { evaluator: () => evaluateNote, linkChecker: () => linkChecker };
  return { deps, calls };
}

export const evaluatorDown = () =>
  new XApiError({ kind: "server_error", endpoint: "POST /2/evaluate_note", httpStatus: 503 });
