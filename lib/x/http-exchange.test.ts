import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

import { afterEach, describe, expect, it } from "vitest";

import { XApiError } from "./errors";
import { fetchExchange, nodeHttpExchange, type ExchangeRequest } from "./http-exchange";
import { readRateLimitHeaders } from "./rate-limit-headers";
import { goodNoteText, startSimulatedClient, type SimulatedClient } from "./test-support";

type Received = { method: string; headers: IncomingMessage["headers"]; body: string; remotePort: number | undefined };

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()));
  stops = [];
});

/** A local server answering with `answer`, recording every request it reads in full. */
async function serve(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), remotePort: request.socket.remotePort });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  stops.push(stop);
  return { url: `http://127.0.0.1:${port}`, received, stop };
}

const get = (signal = new AbortController().signal): ExchangeRequest => ({ method: "GET", headers: { accept: "application/json" }, signal });

describe("nodeHttpExchange", () => {
  it("returns the status, the body as UTF-8 and the headers as fetch reads them", async () => {
    const server = await serve((_, response) => {
      response.setHeader("X-Rate-Limit-Limit", "300");
      response.setHeader("x-rate-limit-remaining", "299");
      response.setHeader("x-rate-limit-reset", "1770000000");
      response.setHeader("x-note", ["first", "second"]);
      response.writeHead(201, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ data: { text: "café — ✓" } }));
    });
    const answer = await nodeHttpExchange(`${server.url}/2/notes?x=1`, get());
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toEqual({ data: { text: "café — ✓" } });
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("x-note")).toBe("first, second");
    expect(answer.headers.get("x-absent")).toBeNull();
    expect(readRateLimitHeaders(answer.headers).window).toEqual({ limit: 300, remaining: 299, resetAt: new Date(1_770_000_000_000) });
  });

  it("sends a POST body with its content type and length", async () => {
    const server = await serve((_, response) => response.writeHead(204).end());
    const body = JSON.stringify({ text: "naïve ✓" });
    const answer = await nodeHttpExchange(`${server.url}/2/notes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: new AbortController().signal,
    });
    expect(answer).toMatchObject({ status: 204, text: "" });
    const [request] = server.received;
    expect(request).toMatchObject({ method: "POST", body });
    expect(request?.headers).toMatchObject({ "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
    expect(request?.headers["transfer-encoding"]).toBeUndefined();
  });

  it("decodes a gzipped answer, as fetch did", async () => {
    const server = await serve((_, response) => response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync('{"data":[]}')));
    expect((await nodeHttpExchange(server.url, get())).text).toBe('{"data":[]}');
    expect(server.received[0]?.headers["accept-encoding"]).toBe("gzip");
  });

  it("rejects when the signal fires while the body stalls after the headers", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data":'); // and nothing more
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(nodeHttpExchange(server.url, get(controller.signal))).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects a refused connection", async () => {
    const server = await serve(() => {});
    await server.stop();
    await expect(nodeHttpExchange(server.url, get())).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("rejects a POST whose connection is dropped before any answer, without sending it again", async () => {
    const server = await serve((request) => request.socket.destroy());
    const post = { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal: new AbortController().signal };
    await expect(nodeHttpExchange(server.url, post)).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(server.received).toHaveLength(1);
  });

  it("keeps the connection for the next call", async () => {
    const server = await serve((_, response) => response.end("{}"));
    await nodeHttpExchange(server.url, get());
    await nodeHttpExchange(server.url, { ...get(), method: "POST", body: "{}" });
    const [first, second] = server.received;
    expect(first?.remotePort).toEqual(expect.any(Number));
    expect(second?.remotePort).toBe(first?.remotePort);
  });

  it("refuses a URL that is not http(s)", async () => {
    await expect(nodeHttpExchange("ftp://127.0.0.1/", get())).rejects.toBeInstanceOf(TypeError);
  });
});

describe("fetchExchange", () => {
  it("passes the call to the given fetch and reads its whole answer", async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const exchange = fetchExchange(async (url, init) => {
      calls.push([String(url), init]);
      return new Response("{}", { status: 202, headers: { "x-rate-limit-limit": "5" } });
    });
    const answer = await exchange("http://x.invalid/2/notes", { ...get(), method: "POST", body: "{}" });
    expect(answer).toMatchObject({ status: 202, text: "{}" });
    expect(answer.headers.get("X-Rate-Limit-Limit")).toBe("5");
    expect(calls[0]?.[1]).toMatchObject({ method: "POST", body: "{}" });
  });
});

describe("the X client without an injected fetch", () => {
  let ctx: SimulatedClient;
  afterEach(() => ctx.sim.stop());

  const newNote = (postId: string) => ({
    testMode: true,
    postId,
    text: goodNoteText,
    classification: "misinformed_or_potentially_misleading" as const,
    misleadingTags: ["factual_error" as const],
    trustworthySources: true,
  });

  it("creates a note on the simulator over node:http and reads X's rate-limit headers", async () => {
    ctx = await startSimulatedClient();
    const [post] = ctx.sim.control.posts(true).filter((p) => p.matchedMediaNotes.length === 0);
    const outcome = await ctx.client.createNote(newNote(post?.id ?? ""));
    expect(outcome).toMatchObject({ kind: "created", noteId: ctx.sim.control.notes()[0]?.id });
    expect(ctx.requests()).toEqual(["POST create_note 201"]);
    expect(ctx.client.rateLimitStatus().noteCreationsPerDay.resetAt).not.toBeNull();
  });

  it("times a stalled create out once, as an unknown outcome, and does not send it again", async () => {
    ctx = await startSimulatedClient({ faults: [{ route: "create_note", fault: { kind: "timeout" } }] }, { timeoutMs: 100, retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 } });
    const [post] = ctx.sim.control.posts(true).filter((p) => p.matchedMediaNotes.length === 0);
    const outcome = await ctx.client.createNote(newNote(post?.id ?? ""));
    expect(outcome).toMatchObject({ kind: "unknown" });
    expect(outcome.kind === "unknown" && outcome.error).toBeInstanceOf(XApiError);
    expect(outcome.kind === "unknown" && outcome.error.kind).toBe("timeout");
    expect(ctx.requests()).toEqual(["POST create_note timeout"]);
  });
});
