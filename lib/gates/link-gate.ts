import "server-only";

import { linkTarget } from "@/lib/links/address";
import type { LinkChecker } from "@/lib/links/checker";
import type { LinkCheckResult } from "@/lib/links/types";
import { extractUrls } from "@/lib/note-text";

import type { GateResult } from "./dto";
import { gateResult } from "./result";
import type { GateSubject } from "./subject";

function describeDead(result: LinkCheckResult): string {
  const via = result.redirects.length > 0 && result.finalUrl ? ` (via ${result.redirects.length} redirect${result.redirects.length === 1 ? "" : "s"} to ${result.finalUrl})` : "";
  return `${result.url}: ${result.error ?? "no final 200"}${via}`;
}

/** Every link must answer a final 200 now: X's UrlValidity evaluator marks dead links down. */
export async function linksGate(subject: GateSubject, checker: LinkChecker): Promise<GateResult> {
  const links = subject.note ? extractUrls(subject.note.text).map(linkTarget) : [];
  if (links.length === 0) return gateResult("links", false, "There is no link to check.");
  const results = await checker.checkLinks(links);
  const dead = results.filter((r) => !r.ok);
  if (dead.length === 0) {
    return gateResult("links", true, links.length === 1 ? "The link answers 200." : `All ${links.length} links answer 200.`, { links: results });
  }
  const count = dead.length === links.length && links.length === 1 ? "The link does not answer 200" : `${dead.length} of ${links.length} links do not answer 200`;
  return gateResult("links", false, `${count}: ${dead.map(describeDead).join("; ")}.`, { links: results });
}
