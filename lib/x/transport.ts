import "server-only";

import { backoffDelayMs, type RetryPolicy } from "./backoff";
import { classifyHttpError, XApiError } from "./errors";
import type { Exchange } from "./http-exchange";
import { newOAuth1Stamp, oauth1Authorization, type OAuth1Credentials } from "./oauth1";
import { problemsFromBody } from "./problem";
import { queryString } from "./query";
import type { BudgetSnapshot, RateBudget } from "./rate-budget";
import { readRateLimitHeaders, resetAfter429, type RateLimitHeaders } from "./rate-limit-headers";

export type XAuth =
  | ({ kind: "oauth1" } & OAuth1Credentials)
  | { kind: "oauth2"; userAccessToken: string };

export type TransportSettings = {
  baseUrl: string;
  auth: XAuth;
  timeoutMs: number;
  exchange: Exchange;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  retry: RetryPolicy;
  maxRateLimitWaitMs: number;
  budget: RateBudget;
};

export type XRequest = {
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Safe to send again when the outcome of an attempt is unknown. Creating a note never is. */
  idempotent: boolean;
  /** POST /2/notes also spends the writer's daily note allowance. */
  createsNote?: boolean;
  /** The request's test_mode: a 403 on a production call is the not-admitted refusal. */
  testMode?: boolean;
};

export type XResponse = {
  status: number;
  body: unknown;
  endpoint: string;
  attempts: number;
  rateLimits: RateLimitHeaders;
};

export type RateLimitStatus = { notesWindow: BudgetSnapshot; noteCreationsPerDay: BudgetSnapshot };

export type Transport = {
  send(request: XRequest): Promise<XResponse>;
  rateLimitStatus(): RateLimitStatus;
};

/** X's reset is whole epoch seconds on X's clock; a second more absorbs the skew between its clock and ours. */
const RESET_MARGIN_MS = 1_000;

const RETRYABLE = new Set(["server_error", "timeout", "network"]);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function createTransport(settings: TransportSettings): Transport {
  const { budget, now } = settings;

  function authorization(method: string, url: string): string {
    if (settings.auth.kind === "oauth2") return `Bearer ${settings.auth.userAccessToken}`;
    return oauth1Authorization(settings.auth, { method, url }, newOAuth1Stamp(now()));
  }

  function refuseIfBudgetSpent(request: XRequest, endpoint: string, attempts: number): void {
    const spent = [budget.notesWindow, ...(request.createsNote ? [budget.noteCreationsPerDay] : [])];
    const resetAt = spent
      .map((b) => b.refusal(now()))
      .reduce<Date | null>((latest, r) => (r !== null && (latest === null || r > latest) ? r : latest), null);
    if (resetAt === null) return;
    throw new XApiError({
      kind: "rate_limited",
      endpoint,
      httpStatus: null,
      resetAt,
      attempts,
      message: `not sent: the writer's rate-limit budget is spent until ${resetAt.toISOString()}`,
    });
  }

  async function exchange(request: XRequest, url: string, endpoint: string) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    try {
      // The exchange resolves only with the whole body, so the timeout covers a server that sends headers and then stalls.
      return await settings.exchange(url, {
        method: request.method,
        headers: {
          authorization: authorization(request.method, url),
          accept: "application/json",
          ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
    } catch (error) {
      throw new XApiError({
        kind: timedOut ? "timeout" : "network",
        endpoint,
        httpStatus: null,
        message: timedOut ? `no answer within ${settings.timeoutMs} ms` : `connection failed: ${String(error)}`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function attempt(request: XRequest, endpoint: string, attemptNumber: number): Promise<XResponse> {
    const url = `${settings.baseUrl.replace(/\/+$/, "")}${request.path}${queryString(request.query ?? {})}`;
    budget.notesWindow.record(now());
    if (request.createsNote) budget.noteCreationsPerDay.record(now());

    const { status, headers, text } = await exchange(request, url, endpoint);
    const rateLimits = readRateLimitHeaders(headers);
    if (rateLimits.window) budget.notesWindow.sync(rateLimits.window, now());
    if (rateLimits.userDay) budget.noteCreationsPerDay.sync(rateLimits.userDay, now());

    const body = parseJson(text);
    if (status >= 200 && status < 300) {
      if (body.ok) return { status, body: body.value, endpoint, attempts: attemptNumber, rateLimits };
      throw new XApiError({
        kind: "malformed_response",
        endpoint,
        httpStatus: status,
        fieldPath: "(body)",
        message: `the body is not JSON: ${JSON.stringify(text.slice(0, 80))}`,
      });
    }
    const problems = body.ok ? problemsFromBody(body.value) : [];
    throw new XApiError({
      kind: classifyHttpError(status, problems, { testMode: request.testMode }),
      endpoint,
      httpStatus: status,
      problems,
      resetAt: status === 429 ? resetAfter429(rateLimits) : null,
      message: problems.length === 0 && text.trim() !== "" ? text.slice(0, 200) : undefined,
    });
  }

  /** How long to wait before trying again, or null to give up now. */
  function retryDelayMs(request: XRequest, failure: XApiError, attemptNumber: number): number | null {
    if (!request.idempotent || attemptNumber >= settings.retry.maxAttempts) return null;
    if (failure.kind === "rate_limited" && failure.httpStatus === 429) {
      if (failure.resetAt === null) return backoffDelayMs(attemptNumber, settings.retry, settings.random);
      const wait = Math.max(0, failure.resetAt.getTime() - now() + RESET_MARGIN_MS);
      return wait <= settings.maxRateLimitWaitMs ? wait : null;
    }
    return RETRYABLE.has(failure.kind) ? backoffDelayMs(attemptNumber, settings.retry, settings.random) : null;
  }

  return {
    async send(request) {
      const endpoint = `${request.method} ${request.path}`;
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        refuseIfBudgetSpent(request, endpoint, attemptNumber - 1);
        try {
          return await attempt(request, endpoint, attemptNumber);
        } catch (error) {
          if (!(error instanceof XApiError)) throw error;
          const failure = error.withAttempts(attemptNumber);
          const delay = retryDelayMs(request, failure, attemptNumber);
          if (delay === null) throw failure;
          await settings.sleep(delay);
        }
      }
    },
    rateLimitStatus: () => ({
      notesWindow: budget.notesWindow.snapshot(now()),
      noteCreationsPerDay: budget.noteCreationsPerDay.snapshot(now()),
    }),
  };
}
