import { urlProblem } from "./scoring";

/**
 * The simulated web: what a link in a note answers in the offline demo, where the real web is out
 * of reach. It agrees with the UrlValidity rule by construction: an address the evaluator would
 * score low answers 404 (the rule's reason in a header and the page), a good one answers 200, after
 * a 301 when its path ends in a slash, as many sites canonicalise. Served under
 * /_sim/web/<scheme>/<host><path>?<query>; lib/links rewrites each address there.
 */
export const SIMULATED_WEB_PREFIX = "/_sim/web";
export const SIMULATED_WEB_REASON_HEADER = "x-simulated-web-reason";

export type WebAnswer = { status: number; headers: Record<string, string>; body: string };

const page = (title: string) => `<!doctype html><title>${title.replace(/[<&]/g, "")}</title>`;

/** `address` is the real-looking address being asked for, e.g. https://stats.valmora.gov/reports. */
export function simulatedWebAnswer(address: string): WebAnswer {
  const problem = urlProblem(address);
  if (problem !== null) {
    return { status: 404, headers: { [SIMULATED_WEB_REASON_HEADER]: problem }, body: page(`Not found: ${problem}`) };
  }
  const url = new URL(address);
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) {
    url.pathname = url.pathname.replace(/\/+$/, "");
    return { status: 301, headers: { location: url.href }, body: page("Moved") };
  }
  return { status: 200, headers: {}, body: page(`Simulated page at ${url.host}`) };
}
