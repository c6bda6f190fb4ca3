import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { newOAuth1Stamp, oauth1Authorization } from "@/lib/x/oauth1";

import { demoCredentials } from "./credentials";
import { startXSimulator, type XSimulator } from "./server";

let sim: XSimulator;
beforeEach(async () => {
  sim = await startXSimulator({ scoringDelayMs: 0 });
});
afterEach(() => sim.stop());

const oauth1 = {
  consumerKey: demoCredentials.app.consumerKey,
  consumerSecret: demoCredentials.app.consumerSecret,
  accessToken: demoCredentials.writer.accessToken,
  accessTokenSecret: demoCredentials.writer.accessTokenSecret,
};

/** A raw request signed like X expects, so the tests can send what the client never would. */
async function call(method: string, pathAndQuery: string, body?: unknown, authorization?: string) {
  const url = `${sim.url}${pathAndQuery}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: authorization ?? oauth1Authorization(oauth1, { method, url }, newOAuth1Stamp(Date.now())),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const postId = () => sim.control.posts(true)[0]?.id ?? "";
const validNote = () => ({
  test_mode: true,
  post_id: postId(),
  info: {
    text: "The official report shows 12%, not 48%. https://stats.valmora.gov/reports/2025",
    classification: "misinformed_or_potentially_misleading",
    misleading_tags: ["factual_error"],
    trustworthy_sources: true,
  },
});

describe("the simulated API over HTTP", () => {
  it("answers the five endpoints", async () => {
    expect((await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true")).status).toBe(200);
    const created = await call("POST", "/2/notes", validNote());
    expect(created.status).toBe(201);
    const noteId = (created.json?.data as { id: string }).id;
    expect((await call("GET", "/2/notes/search/notes_written?test_mode=true")).json).toMatchObject({ data: [{ id: noteId }], meta: { result_count: 1 } });
    expect((await call("POST", "/2/evaluate_note", { note_text: "x https://a.org", post_id: postId() })).json).toEqual({ data: { claim_opinion_score: 0.6 } });
    expect((await call("DELETE", `/2/notes/${noteId}`)).json).toEqual({ data: { deleted: true } });
  });

  it("logs every request with its body exactly as it arrived", async () => {
    const raw = JSON.stringify(validNote());
    await call("POST", "/2/notes", raw);
    await call("GET", "/2/notes/search/notes_written?test_mode=true");
    expect(sim.control.requests().map(({ route, outcome, body }) => ({ route, outcome, body }))).toEqual([
      { route: "create_note", outcome: 201, body: raw },
      { route: "notes_written", outcome: 200, body: null },
    ]);
  });

  it("returns only the fields asked for, with X's defaults otherwise", async () => {
    const bare = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&max_results=1");
    expect(Object.keys((bare.json?.data as object[])[0] ?? {}).sort()).toEqual(["edit_history_tweet_ids", "id", "text"]);
    expect(bare.json?.includes).toBeUndefined();
    const rich = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&max_results=100&tweet.fields=lang,author_id&expansions=author_id&user.fields=verified");
    const [first] = rich.json?.data as Record<string, unknown>[];
    expect(first).toMatchObject({ lang: "en", author_id: expect.any(String) });
    expect((rich.json?.includes as { users: object[] }).users[0]).toEqual({ id: expect.any(String), name: expect.any(String), username: expect.any(String), verified: expect.any(Boolean) });
  });

  it("rejects unknown query parameters and field values, and bad pagination tokens", async () => {
    const unknown = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&since_id=5");
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ type: "https://api.x.com/2/problems/invalid-request", errors: [{ parameters: { since_id: ["5"] } }] });
    const field = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&tweet.fields=lang,mood");
    expect(field.json?.errors).toEqual([{ parameters: { "tweet.fields": ["mood"] }, message: expect.stringContaining("[mood] is not one of") }]);
    expect((await call("GET", "/2/notes/search/notes_written")).json?.errors).toEqual([expect.objectContaining({ parameters: { test_mode: [""] } })]);
    expect((await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&post_selection=feed_size:huge")).status).toBe(400);
    expect((await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&pagination_token=abc")).status).toBe(400);
  });

  it("decodes the escaped post_selection colon", async () => {
    const response = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&max_results=100&tweet.fields=lang&post_selection=feed_lang%3Afr");
    expect((response.json?.data as { lang: string }[]).every((p) => p.lang === "fr")).toBe(true);
  });

  it("rejects unknown keys in POST /2/notes at both levels, and in evaluate_note", async () => {
    const top = await call("POST", "/2/notes", { ...validNote(), idempotency_key: "k" });
    expect(top.status).toBe(400);
    expect(top.json?.errors).toEqual([expect.objectContaining({ parameters: { idempotency_key: ['"k"'] } })]);
    const nested = await call("POST", "/2/notes", { ...validNote(), info: { ...validNote().info, url: "https://a.org" } });
    expect(nested.json?.errors).toEqual([expect.objectContaining({ parameters: { "info.url": ['"https://a.org"'] } })]);
    expect((await call("POST", "/2/evaluate_note", { note_text: "x", post_id: "1", extra: 1 })).status).toBe(400);
    expect((await call("POST", "/2/notes", "{not json")).status).toBe(400);
    expect(sim.control.notes()).toEqual([]);
  });

  it("answers a duplicate with X's exact message and refuses production before admission", async () => {
    await call("POST", "/2/notes", validNote());
    expect((await call("POST", "/2/notes", validNote())).json).toMatchObject({ status: 403, detail: "User already created a note for this post." });
    const live = sim.control.posts(false)[0]?.id ?? "";
    const production = await call("POST", "/2/notes", { ...validNote(), test_mode: false, post_id: live });
    expect(production.status).toBe(403);
    sim.control.admitWriter();
    expect((await call("POST", "/2/notes", { ...validNote(), test_mode: false, post_id: live })).status).toBe(201);
  });

  it("uses RFC 7807 content types, and the legacy shape for unknown paths", async () => {
    const problem = await call("GET", "/2/notes/search/notes_written?test_mode=maybe");
    expect(problem.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    sim.control.setVariants({ problemContentType: "application/json" });
    expect((await call("GET", "/2/notes/search/notes_written?test_mode=maybe")).headers.get("content-type")).toBe("application/json; charset=utf-8");
    const missing = await call("GET", "/2/tweets/search/recent");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errors: [{ message: "Sorry, that page does not exist", code: 34 }] });
  });

  it("serves evaluate_note at the configured paths only", async () => {
    sim.control.setVariants({ evaluatePaths: "notes_evaluate" });
    const body = { note_text: "x https://a.org", post_id: postId() };
    expect((await call("POST", "/2/evaluate_note", body)).status).toBe(404);
    expect((await call("POST", "/2/notes/evaluate", body)).status).toBe(200);
  });

  it("puts rate-limit headers on every response and answers 429 when the budget is spent", async () => {
    await sim.stop();
    sim = await startXSimulator({ lowLimits: true });
    const refused = await call("GET", "/2/notes/search/notes_written?test_mode=true", undefined, "Bearer nope");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-rate-limit-limit")).toBe("6");
    for (let i = 0; i < 6; i++) {
      const ok = await call("GET", "/2/notes/search/notes_written?test_mode=true");
      expect(ok.headers.get("x-rate-limit-remaining")).toBe(String(5 - i));
    }
    const limited = await call("GET", "/2/notes/search/notes_written?test_mode=true");
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ title: "Too Many Requests" });
    expect(Number(limited.headers.get("x-rate-limit-reset")) * 1000).toBeGreaterThan(Date.now());
  });
});

describe("authentication", () => {
  const path = "/2/notes/search/notes_written?test_mode=true";

  it("accepts the demo OAuth 2.0 user token and refuses app-only and unknown tokens", async () => {
    expect((await call("GET", path, undefined, `Bearer ${demoCredentials.writer.oauth2UserToken}`)).status).toBe(200);
    expect((await call("GET", path, undefined, `Bearer ${demoCredentials.appOnlyBearerToken}`)).json).toMatchObject({ status: 403, title: "Unsupported Authentication" });
    expect((await call("GET", path, undefined, "Bearer guess")).status).toBe(401);
    expect((await call("GET", path, undefined, "")).status).toBe(401);
  });

  it("refuses a replayed nonce", async () => {
    const url = `${sim.url}${path}`;
    const header = oauth1Authorization(oauth1, { method: "GET", url }, newOAuth1Stamp(Date.now()));
    expect((await call("GET", path, undefined, header)).status).toBe(200);
    expect((await call("GET", path, undefined, header)).status).toBe(401);
    expect(sim.control.requests().at(-1)?.note).toBe("nonce already used");
  });

  it("refuses a signature over different parameters, and a stale timestamp", async () => {
    const signedFor = oauth1Authorization(oauth1, { method: "GET", url: `${sim.url}${path}&max_results=5` }, newOAuth1Stamp(Date.now()));
    expect((await call("GET", path, undefined, signedFor)).status).toBe(401);
    const stale = oauth1Authorization(oauth1, { method: "GET", url: `${sim.url}${path}` }, newOAuth1Stamp(Date.now() - 301_000));
    expect((await call("GET", path, undefined, stale)).status).toBe(401);
    expect(sim.control.requests().map((r) => r.note)).toEqual([expect.stringContaining("signature mismatch"), expect.stringContaining("timestamp")]);
  });

  it("decodes '+' in the query as a space when verifying, as X does", async () => {
    const signedWithSpace = oauth1Authorization(oauth1, { method: "GET", url: `${sim.url}${path}&pagination_token=a%20b` }, newOAuth1Stamp(Date.now()));
    const response = await call("GET", `${path}&pagination_token=a+b`, undefined, signedWithSpace);
    expect(response.status).toBe(400); // signature accepted; the token itself is invalid
    expect(response.json?.errors).toEqual([expect.objectContaining({ parameters: { pagination_token: ["a b"] } })]);
  });
});

describe("dating the data set", () => {
  it("serves a feed that ends just before `datedAsOf`", async () => {
    await sim.stop();
    const datedAsOf = Date.UTC(2026, 10, 21, 12);
    sim = await startXSimulator({ datedAsOf });
    const response = await call("GET", "/2/notes/search/posts_eligible_for_notes?test_mode=true&max_results=1&tweet.fields=created_at&post_selection=feed_lang%3Aall");
    const newest = Date.parse((response.json?.data as { created_at: string }[])[0]?.created_at ?? "");
    expect(newest).toBeLessThan(datedAsOf);
    expect(newest).toBeGreaterThan(datedAsOf - 15 * 60_000);
  });
});
