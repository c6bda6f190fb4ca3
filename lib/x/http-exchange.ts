import "server-only";

import http from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

/** The one thing read from an answer's headers by name: like fetch's, case-insensitive, repeats joined by ", ". */
export type HeaderLookup = Pick<Headers, "get">;

export type ExchangeRequest = { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal };

/** The whole answer: it resolves only once the body has arrived, so the caller's signal bounds the body too. */
export type ExchangeAnswer = { status: number; headers: HeaderLookup; text: string };

/** One HTTP call to X. No retries here: whether a failed call may be sent again is the transport's decision. */
export type Exchange = (url: string, request: ExchangeRequest) => Promise<ExchangeAnswer>;

/** A fetch stood in for X (tests, tools) keeps working exactly as the transport used it before. */
export function fetchExchange(fetchFn: typeof fetch): Exchange {
  return async (url, { method, headers, body, signal }) => {
    const response = await fetchFn(url, { method, headers, body, signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}

/**
 * Sockets are kept between calls so the click's POST /2/notes skips the connect (and TLS handshake).
 * An idle socket is dropped after 4 s, as fetch (undici) does, before a server's own keep-alive
 * timeout (Node's is 5 s) closes it under a request: that race fails a call as a reset, which for a
 * created note is an unknown outcome to reconcile.
 */
const agentOptions = { keepAlive: true, maxSockets: 16, scheduling: "lifo", timeout: 4_000 } as const;
const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };

const gunzipAsync = promisify(gunzip);
// Decodes like fetch's text(): replacement characters for bad bytes, a leading BOM dropped.
const utf8 = new TextDecoder();

type RawAnswer = { status: number; headers: HeaderLookup; encoding: string | undefined; bytes: Buffer };

function lookup(distinct: NodeJS.Dict<string[]>): HeaderLookup {
  return { get: (name) => distinct[name.toLowerCase()]?.join(", ") ?? null };
}

function receive(url: string, { method, headers, body, signal }: ExchangeRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const protocol = target.protocol === "https:" || target.protocol === "http:" ? target.protocol : null;
    if (protocol === null) return reject(new TypeError(`not an http(s) URL: ${target.protocol}`));
    if (signal.aborted) return reject(signal.reason);

    const payload = body === undefined ? undefined : Buffer.from(body, "utf8");
    const request = (protocol === "https:" ? https : http).request(target, {
      method,
      agent: agents[protocol],
      // fetch named itself and asked for compression; X gets the same from here.
      headers: { "user-agent": "Notedesk", "accept-encoding": "gzip", ...headers, ...(payload ? { "content-length": String(payload.length) } : {}) },
    });

    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      // The socket is not returned to the pool: a half-read answer would corrupt the next call on it.
      request.destroy();
      reject(error);
    };
    function onAbort() {
      fail(signal.reason);
    }
    signal.addEventListener("abort", onAbort, { once: true });

    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("close", () => {
        if (!response.complete) fail(new Error("the connection closed before the whole answer arrived"));
      });
      response.on("end", () => {
        if (settled) return;
        settled = true;
        signal.removeEventListener("abort", onAbort);
        resolve({
          status: response.statusCode ?? 0,
          headers: lookup(response.headersDistinct),
          encoding: response.headers["content-encoding"],
          bytes: Buffer.concat(chunks),
        });
      });
    });
    request.end(payload);
  });
}

/** The default exchange: node:http(s) on keep-alive agents, about a third of fetch's CPU per call. */
export const nodeHttpExchange: Exchange = async (url, request) => {
  const { status, headers, encoding, bytes } = await receive(url, request);
  const plain = encoding?.trim().toLowerCase() === "gzip" && bytes.length > 0 ? await gunzipAsync(bytes) : bytes;
  return { status, headers, text: utf8.decode(plain) };
};
