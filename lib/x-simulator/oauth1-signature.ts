import { createHmac } from "node:crypto";

/**
 * RFC 5849 (OAuth 1.0) signature primitives, written from the RFC and deliberately independent of the client's
 * `oauth-1.0a` library: if both shared one implementation, a shared mistake would pass every test.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** §3.6: every UTF-8 byte outside ALPHA / DIGIT / "-" / "." / "_" / "~" becomes %XX with upper-case hex. */
export function percentEncode(value: string): string {
  let encoded = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const char = String.fromCharCode(byte);
    encoded += UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

/**
 * §3.4.1.3.1: query strings (and form bodies) are decoded as application/x-www-form-urlencoded, so "+" is a
 * space. Throws URIError on a broken %-sequence.
 */
export function parseFormEncoded(text: string): [string, string][] {
  return text
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? [formDecode(pair), ""] : [formDecode(pair.slice(0, equals)), formDecode(pair.slice(equals + 1))];
    });
}

/** §3.4.1.2: lower-case scheme and host, default port dropped, no query or fragment. */
export function baseStringUri(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

/** §3.4.1.3.2: encode names and values, sort by name then value (byte order), join with "=" and "&". */
export function normalizeParameters(params: readonly (readonly [string, string])[]): string {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** §3.4.1.1 */
export function signatureBaseString(method: string, url: URL, params: readonly (readonly [string, string])[]): string {
  return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(normalizeParameters(params))].join("&");
}

/** §3.4.2 */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac("sha1", key).update(baseString).digest("base64");
}

const HEADER_PARAM = /\s*([^\s=,]+)\s*=\s*"([^"]*)"\s*(?:,|$)/y;

/**
 * §3.5.1: `OAuth name="value", …` with percent-encoded values. Null when the header is not OAuth, is
 * malformed or repeats a parameter.
 */
export function parseAuthorizationHeader(header: string): Map<string, string> | null {
  const scheme = /^OAuth\s+/i.exec(header);
  if (!scheme) return null;
  const params = new Map<string, string>();
  const rest = header.slice(scheme[0].length);
  HEADER_PARAM.lastIndex = 0;
  while (HEADER_PARAM.lastIndex < rest.length) {
    const match = HEADER_PARAM.exec(rest);
    if (!match) return null;
    const [, name, value] = match as unknown as [string, string, string];
    if (params.has(name)) return null;
    try {
      params.set(name, decodeURIComponent(value));
    } catch {
      return null;
    }
  }
  return params;
}
