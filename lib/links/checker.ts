import { STATUS_CODES } from "node:http";

import { createSemaphore } from "@/lib/drafting/semaphore";

import { httpUrl, parseLink } from "./address";
import { describeFetchFailure } from "./fetch-failure";
import type { Hop, HopAnswer } from "./http-hop";
import type { LinkCheckResult, RedirectHop } from "./types";

export const MAX_REDIRECTS = 5;
const REQUEST_TIMEOUT_MS = 5_000;
const TOTAL_TIMEOUT_MS = 15_000;
/** A live link stays live for a while; a dead one is asked again soon, since outages end. */
export const OK_TTL_MS = 6 * 3_600_000;
export const FAILURE_TTL_MS = 10 * 60_000;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Servers that refuse HEAD (or don't implement it) often answer GET correctly. */
const HEAD_REFUSED = new Set([403, 405, 501]);

export type LinkCheckCache = {
  get(url: string): Promise<LinkCheckResult | null>;
  put(result: LinkCheckResult, ttlMs: number): Promise<void>;
};

export type LinkCheckerOptions = {
  hop: Hop;
  cache: LinkCheckCache;
  /** Why a hop's address must not be requested (beyond being http(s)); null when it may. */
  refuse?: (url: URL) => string | null;
  requestTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Links checked at once by checkLinks. */
  concurrency?: number;
  now?: () => Date;
};

export type LinkChecker = {
  checkLink(link: string): Promise<LinkCheckResult>;
  /** Results in the order of `links`; a link listed twice is checked once. */
  checkLinks(links: readonly string[]): Promise<LinkCheckResult[]>;
};

type Verdict = Omit<LinkCheckResult, "url" | "checkedAt" | "fromCache">;

export function createLinkChecker(options: LinkCheckerOptions): LinkChecker {
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const totalTimeoutMs = options.totalTimeoutMs ?? TOTAL_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<LinkCheckResult>>();

  async function ask(url: URL, total: AbortSignal): Promise<HopAnswer> {
    const once = (method: "HEAD" | "GET") => options.hop(url, method, AbortSignal.any([total, AbortSignal.timeout(requestTimeoutMs)]));
    const head = await once("HEAD");
    return HEAD_REFUSED.has(head.status) ? once("GET") : head;
  }

  async function follow(start: URL): Promise<Verdict> {
    const total = AbortSignal.timeout(totalTimeoutMs);
    const redirects: RedirectHop[] = [];
    const visited = new Set<string>();
    const fail = (error: string, status: number | null = null, finalUrl: string | null = null): Verdict => ({ ok: false, status, finalUrl, redirects, error });
    let url = start;
    for (;;) {
      const refusal = options.refuse?.(url);
      if (refusal) return fail(`refused to request ${url.href}: ${refusal}`);
      if (visited.has(url.href)) return fail(`redirect loop: ${redirects.at(-1)?.url ?? start.href} leads back to ${url.href}`);
      visited.add(url.href);

      let answer: HopAnswer;
      try {
        answer = await ask(url, total);
      } catch (error) {
        if (total.aborted) return fail(`no final answer within ${totalTimeoutMs / 1000} s in total`);
        if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
          return fail(`${url.host} did not answer within ${requestTimeoutMs / 1000} s`);
        }
        return fail(describeFetchFailure(error));
      }

      const { status } = answer;
      if (!REDIRECTS.has(status)) {
        return status === 200 ? { ok: true, status, finalUrl: url.href, redirects, error: null } : fail(`answered ${status} ${STATUS_CODES[status] ?? ""}`.trim(), status, url.href);
      }
      const location = answer.headers.location;
      if (!location) return fail(`answered ${status} (a redirect) without saying where to`, status, url.href);
      if (redirects.length === MAX_REDIRECTS) return fail(`more than ${MAX_REDIRECTS} redirects`, status, url.href);
      redirects.push({ url: url.href, status });
      const next = httpUrl(location, url);
      if (!next) return fail(`redirected to ${location}, which is not an http(s) address`, status, url.href);
      url = next;
    }
  }

  async function check(link: string): Promise<LinkCheckResult> {
    const start = parseLink(link);
    const url = start?.href ?? link;
    const cached = await options.cache.get(url);
    if (cached) return { ...cached, fromCache: true };
    const verdict: Verdict = start ? await follow(start) : { ok: false, status: null, finalUrl: null, redirects: [], error: "not a valid http(s) address" };
    const result: LinkCheckResult = { url, ...verdict, checkedAt: now().toISOString(), fromCache: false };
    await options.cache.put(result, result.ok ? OK_TTL_MS : FAILURE_TTL_MS);
    return result;
  }

  function checkLink(link: string): Promise<LinkCheckResult> {
    const key = parseLink(link)?.href ?? link;
    const running = inFlight.get(key);
    if (running) return running;
    const checking = check(link).finally(() => inFlight.delete(key));
    inFlight.set(key, checking);
    return checking;
  }

  function checkLinks(links: readonly string[]): Promise<LinkCheckResult[]> {
    const slots = createSemaphore(options.concurrency ?? 4);
    const asked = new Map<string, Promise<LinkCheckResult>>();
    return Promise.all(
      links.map((link) => {
        const known = asked.get(link);
        if (known) return known;
        const checking = slots.run(() => checkLink(link));
        asked.set(link, checking);
        return checking;
      }),
    );
  }

  return { checkLink, checkLinks };
}
