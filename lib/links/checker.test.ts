import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createLinkChecker, FAILURE_TTL_MS, MAX_REDIRECTS, OK_TTL_MS, type LinkCheckCache } from "./checker";
import { httpHop } from "./http-hop";
import type { LinkCheckResult } from "./types";
import { linkCheckUserAgent } from "./user-agent";

/** A small web of its own: every behaviour the checker must survive, on a local port. */
type Route = (request: IncomingMessage, response: ServerResponse) => void;

const redirect = (status: number, location: string): Route => (_, response) => {
  response.writeHead(status, { location });
  response.end();
};
const answer = (status: number): Route => (_, response) => {
  response.writeHead(status, { "content-type": "text/html" });
  response.end("<p>page</p>");
};
const after = (ms: number, route: Route): Route => (request, response) => {
  setTimeout(() => route(request, response), ms);
};

const routes: Record<string, Route> = {
  "/ok": answer(200),
  "/missing": answer(404),
  "/broken": answer(500),
  "/no-content": answer(204),
  "/chain/3": redirect(301, "/chain/2"),
  "/chain/2": redirect(302, "/chain/1"),
  "/chain/1": redirect(307, "/ok"),
  "/to-missing": redirect(308, "/missing"),
  "/relative/here": redirect(303, "../ok"),
  "/loop-a": redirect(302, "/loop-b"),
  "/loop-b": redirect(302, "/loop-a"),
  "/to-ftp": redirect(301, "ftp://files.example/report.pdf"),
  "/no-location": answer(302),
  "/bad-location": redirect(302, "http://[not-an-address"),
  "/head-not-allowed": (request, response) => answer(request.method === "HEAD" ? 405 : 200)(request, response),
  "/head-forbidden": (request, response) => answer(request.method === "HEAD" ? 403 : 200)(request, response),
  "/head-unimplemented-get-gone": (request, response) => answer(request.method === "HEAD" ? 501 : 410)(request, response),
  "/hang": () => undefined,
  "/slow": after(100, answer(200)),
  "/slow-chain/1": after(120, redirect(302, "/slow-chain/2")),
  "/slow-chain/2": after(120, redirect(302, "/slow-chain/3")),
  "/slow-chain/3": after(120, redirect(302, "/slow-chain/4")),
  "/slow-chain/4": after(120, answer(200)),
  "/delayed-once": after(80, answer(200)),
};
for (let i = 1; i <= MAX_REDIRECTS + 1; i++) routes[`/long/${i}`] = redirect(302, i === MAX_REDIRECTS + 1 ? "/ok" : `/long/${i + 1}`);
for (let i = 1; i <= MAX_REDIRECTS; i++) routes[`/five/${i}`] = redirect(302, i === MAX_REDIRECTS ? "/ok" : `/five/${i + 1}`);

const seen: { method: string; path: string; userAgent: string | undefined }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    seen.push({ method: request.method ?? "", path, userAgent: request.headers["user-agent"] });
    (routes[path] ?? answer(404))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

/** An in-memory cache that remembers the TTL each result was stored with. */
function memoryCache() {
  const entries = new Map<string, { result: LinkCheckResult; ttlMs: number }>();
  const cache: LinkCheckCache = {
    get: async (url) => entries.get(url)?.result ?? null,
    put: async (result, ttlMs) => {
      entries.set(result.url, { result, ttlMs });
    },
  };
  return { cache, entries };
}

const userAgent = linkCheckUserAgent("https://notes.example.org/link-checker");

function checker(options: { requestTimeoutMs?: number; totalTimeoutMs?: number } = {}) {
  const { cache, entries } = memoryCache();
  return { ...createLinkChecker({ hop: httpHop({ userAgent }), cache, requestTimeoutMs: 300, totalTimeoutMs: 2_000, ...options }), entries };
}

const hits = (path: string) => seen.filter((s) => s.path === path).map((s) => s.method);

describe("checkLink against a local server", () => {
  it("passes a page that answers 200 to HEAD, with a polite user agent and nothing downloaded", async () => {
    const result = await checker().checkLink(`${base}/ok`);
    expect(result).toMatchObject({ url: `${base}/ok`, ok: true, status: 200, finalUrl: `${base}/ok`, redirects: [], error: null, fromCache: false });
    expect(seen).toEqual([{ method: "HEAD", path: "/ok", userAgent }]);
  });

  it.each([
    ["/missing", 404, "answered 404 Not Found"],
    ["/broken", 500, "answered 500 Internal Server Error"],
    ["/no-content", 204, "answered 204 No Content"],
  ])("fails %s with its status", async (path, status, error) => {
    expect(await checker().checkLink(`${base}${path}`)).toMatchObject({ ok: false, status, error, finalUrl: `${base}${path}` });
  });

  it("follows a chain of redirects to the final 200 and lists every hop", async () => {
    const result = await checker().checkLink(`${base}/chain/3`);
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      finalUrl: `${base}/ok`,
      redirects: [
        { url: `${base}/chain/3`, status: 301 },
        { url: `${base}/chain/2`, status: 302 },
        { url: `${base}/chain/1`, status: 307 },
      ],
    });
  });

  it("judges the final answer, not the first: a redirect to a 404 is dead", async () => {
    expect(await checker().checkLink(`${base}/to-missing`)).toMatchObject({ ok: false, status: 404, finalUrl: `${base}/missing`, redirects: [{ status: 308 }] });
  });

  it("resolves a relative Location against the address that sent it", async () => {
    expect(await checker().checkLink(`${base}/relative/here`)).toMatchObject({ ok: true, finalUrl: `${base}/ok` });
  });

  it(`allows ${MAX_REDIRECTS} redirects and fails the one after`, async () => {
    expect(await checker().checkLink(`${base}/five/1`)).toMatchObject({ ok: true, redirects: expect.toSatisfy((r: unknown[]) => r.length === MAX_REDIRECTS) });
    const tooLong = await checker().checkLink(`${base}/long/1`);
    expect(tooLong).toMatchObject({ ok: false, status: 302, error: `more than ${MAX_REDIRECTS} redirects` });
    expect(hits("/ok")).toEqual(["HEAD"]);
  });

  it("stops at a redirect loop and names it", async () => {
    const result = await checker().checkLink(`${base}/loop-a`);
    expect(result).toMatchObject({ ok: false, error: `redirect loop: ${base}/loop-b leads back to ${base}/loop-a` });
    expect(hits("/loop-a")).toHaveLength(1);
  });

  it("refuses to follow a redirect off http(s), to nowhere, or to an address that does not parse", async () => {
    expect(await checker().checkLink(`${base}/to-ftp`)).toMatchObject({ ok: false, error: "redirected to ftp://files.example/report.pdf, which is not an http(s) address" });
    expect(await checker().checkLink(`${base}/no-location`)).toMatchObject({ ok: false, status: 302, error: "answered 302 (a redirect) without saying where to" });
    expect(await checker().checkLink(`${base}/bad-location`)).toMatchObject({ ok: false, error: "redirected to http://[not-an-address, which is not an http(s) address" });
  });

  it.each([
    ["/head-not-allowed", 405],
    ["/head-forbidden", 403],
  ])("asks again with GET when HEAD is refused (%s answers %i)", async (path) => {
    expect(await checker().checkLink(`${base}${path}`)).toMatchObject({ ok: true, status: 200 });
    expect(hits(path)).toEqual(["HEAD", "GET"]);
  });

  it("judges GET's answer after a 501 to HEAD", async () => {
    expect(await checker().checkLink(`${base}/head-unimplemented-get-gone`)).toMatchObject({ ok: false, status: 410, error: "answered 410 Gone" });
  });

  it("gives up on a server that never answers after the per-request timeout", async () => {
    const started = Date.now();
    const result = await checker({ requestTimeoutMs: 200 }).checkLink(`${base}/hang`);
    expect(result).toMatchObject({ ok: false, status: null, error: `127.0.0.1:${new URL(base).port} did not answer within 0.2 s` });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("waits for a slow answer that comes within the timeout", async () => {
    expect(await checker({ requestTimeoutMs: 1_000 }).checkLink(`${base}/slow`)).toMatchObject({ ok: true, status: 200 });
  });

  it("gives up on a chain of slow hops after the total timeout, though each hop was in time", async () => {
    const result = await checker({ requestTimeoutMs: 1_000, totalTimeoutMs: 300 }).checkLink(`${base}/slow-chain/1`);
    expect(result).toMatchObject({ ok: false, error: "no final answer within 0.3 s in total" });
    expect(hits("/slow-chain/4")).toEqual([]);
  });

  it("reports a closed port in plain words", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await checker().checkLink(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, status: null, error: "the server refused the connection" });
  });

  it("does not request what is not an http(s) address", async () => {
    expect(await checker().checkLink("mailto:desk@example.org")).toMatchObject({ ok: false, error: "not a valid http(s) address" });
    expect(seen).toEqual([]);
  });

  it("checks the address without the sentence punctuation glued to it", async () => {
    expect(await checker().checkLink(`${base}/ok).`)).toMatchObject({ url: `${base}/ok`, ok: true });
  });
});

describe("caching and de-duplication", () => {
  it("keeps a live link for 6 hours and a dead one for 10 minutes, and answers from the cache", async () => {
    const c = checker();
    await c.checkLink(`${base}/ok`);
    await c.checkLink(`${base}/missing`);
    expect(c.entries.get(`${base}/ok`)?.ttlMs).toBe(OK_TTL_MS);
    expect(c.entries.get(`${base}/missing`)?.ttlMs).toBe(FAILURE_TTL_MS);
    expect(OK_TTL_MS).toBe(6 * 3_600_000);
    expect(FAILURE_TTL_MS).toBe(10 * 60_000);

    seen.length = 0;
    expect(await c.checkLink(`${base}/ok`)).toMatchObject({ ok: true, fromCache: true });
    expect(seen).toEqual([]);
  });

  it("asks once for a link checked by several callers at the same moment", async () => {
    const c = checker();
    const results = await Promise.all([1, 2, 3].map(() => c.checkLink(`${base}/delayed-once`)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(hits("/delayed-once")).toEqual(["HEAD"]);
  });

  it("checkLinks answers in the order asked, a repeated link once", async () => {
    const c = checker();
    const results = await c.checkLinks([`${base}/missing`, `${base}/ok`, `${base}/missing`]);
    expect(results.map((r) => [r.url, r.status])).toEqual([
      [`${base}/missing`, 404],
      [`${base}/ok`, 200],
      [`${base}/missing`, 404],
    ]);
    expect(hits("/missing")).toEqual(["HEAD"]);
  });
});
