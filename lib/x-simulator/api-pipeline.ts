import type { Failure, SimRoute } from "./faults";
import { malformedBody } from "./malformed-body";
import { problems, type Reply } from "./problems";
import { matchRoute } from "./routes/api-routes";
import type { SimulatorState } from "./state";

/** What the server does with the connection: answer, or fail the way the selected fault says. */
export type Answer =
  | { kind: "reply"; reply: Reply; headers: Record<string, string>; bodyText?: string }
  | { kind: "drop_connection" }
  | { kind: "timeout" };

export type ApiOutcome = {
  answer: Answer;
  route: SimRoute | null;
  writerId: string | null;
  fault: string | null;
  /** Why authentication failed, for the request log. */
  note: string | null;
};

export type ApiRequest = { method: string; url: URL; authorization: string | undefined; rawBody: string; origin: string };

type LostAnswer = Extract<Failure, { kind: "fail_after_commit" }>["then"];

function lose(how: LostAnswer, headers: Record<string, string>, status: 500 | 502 | 503 | 504 = 503): Answer {
  return how === "server_error" ? { kind: "reply", reply: problems.serverError(status), headers } : { kind: how };
}

/**
 * One API request, in X's order: route, authentication, rate limit, then the faults drawn for the route around
 * the endpoint's own answer. `fail_after_commit` and `malformed_body` let the endpoint act first.
 */
export async function answerApiRequest(state: SimulatorState, request: ApiRequest): Promise<ApiOutcome> {
  const anonymous = state.rateLimiter.peek("anonymous", state.clock.wallNow());
  const matched = matchRoute(state.variants, request.method, request.url.pathname);
  if (!matched) {
    return { answer: { kind: "reply", reply: problems.pageDoesNotExist(), headers: anonymous }, route: null, writerId: null, fault: null, note: null };
  }
  const { route, params } = matched;
  const outcome = (answer: Answer, writerId: string | null, fault: string | null = null, note: string | null = null): ApiOutcome => ({
    answer,
    route: route.name,
    writerId,
    fault,
    note,
  });

  const auth = state.authenticator.authenticate({ method: request.method, url: request.url, authorization: request.authorization });
  if (!auth.ok) return outcome({ kind: "reply", reply: auth.reply, headers: anonymous }, null, null, auth.reason);
  const { writer } = auth;
  const limit = state.rateLimiter.admit(writer.id, route.name === "create_note", state.clock.wallNow());
  const { headers } = limit;
  if (!limit.allowed) return outcome({ kind: "reply", reply: problems.tooManyRequests(), headers }, writer.id);

  const { latencyMs, failure } = state.faults.draw(route.name);
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const fault = failure?.kind ?? (latencyMs > 0 ? "latency" : null);
  const answered = (answer: Answer) => outcome(answer, writer.id, fault);

  if (failure?.kind === "drop_connection" || failure?.kind === "timeout") return answered(lose(failure.kind, headers));
  if (failure?.kind === "server_error") return answered(lose("server_error", headers, failure.status));
  if (failure?.kind === "rate_limited") {
    const reset = String(Math.ceil(state.clock.wallNow() / 1000) + failure.resetInSeconds);
    return answered({ kind: "reply", reply: problems.tooManyRequests(), headers: { ...headers, "x-rate-limit-remaining": "0", "x-rate-limit-reset": reset } });
  }

  let body: unknown;
  if (request.method === "POST") {
    try {
      body = JSON.parse(request.rawBody) as unknown;
    } catch {
      const issue = { parameter: "body", value: request.rawBody.slice(0, 80), message: "The request body is not valid JSON" };
      return answered({ kind: "reply", reply: problems.invalidRequest([issue]), headers });
    }
  }
  const reply = route.handle({ state, writer, url: request.url, body, params, origin: request.origin });

  if (failure?.kind === "fail_after_commit") return answered(lose(failure.then, headers));
  if (failure?.kind === "malformed_body") return answered({ kind: "reply", reply, headers, bodyText: malformedBody(reply.body, failure.form) });
  return answered({ kind: "reply", reply, headers });
}
