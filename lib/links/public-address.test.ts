import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLinkChecker, type LinkCheckCache } from "./checker";
import { httpHop, type Hop } from "./http-hop";
import { isNonPublicAddress, nonPublicLiteralHost, publicOnlyLookup } from "./public-address";
import { linkCheckUserAgent } from "./user-agent";

const noCache: LinkCheckCache = { get: async () => null, put: async () => undefined };
const refuseLiteral = (url: URL) => {
  const address = nonPublicLiteralHost(url);
  return address ? `${address} is not a public address` : null;
};

describe("isNonPublicAddress", () => {
  it.each([
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
  ])("refuses %s", (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it("reads IPv6 literals in URLs without their brackets", () => {
    expect(nonPublicLiteralHost(new URL("http://[::1]:8080/x"))).toBe("::1");
    expect(nonPublicLiteralHost(new URL("https://reuters.com/x"))).toBeNull();
  });
});

describe("the live checker's SSRF guard", () => {
  let server: Server;
  let port: number;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_, response) => {
      requests += 1;
      response.end("internal");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const guarded = () => createLinkChecker({ hop: httpHop({ userAgent: linkCheckUserAgent(undefined), lookup: publicOnlyLookup }), cache: noCache, refuse: refuseLiteral, requestTimeoutMs: 2_000 });

  it("never requests a loopback address written as an IP", async () => {
    const result = await guarded().checkLink(`http://127.0.0.1:${port}/admin`);
    expect(result).toMatchObject({ ok: false, error: `refused to request http://127.0.0.1:${port}/admin: 127.0.0.1 is not a public address` });
    expect(requests).toBe(0);
  });

  it("never connects to a name that resolves to loopback", async () => {
    const result = await guarded().checkLink(`http://localhost:${port}/admin`);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/);
    expect(requests).toBe(0);
  });

  it("re-checks every hop: a public page redirecting to the metadata service is refused", async () => {
    const asked: string[] = [];
    const hop: Hop = async (url) => {
      asked.push(url.href);
      return { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } };
    };
    const result = await createLinkChecker({ hop, cache: noCache, refuse: refuseLiteral }).checkLink("https://news.example.com/story");
    expect(result).toMatchObject({ ok: false, error: "refused to request http://169.254.169.254/latest/meta-data/: 169.254.169.254 is not a public address" });
    expect(asked).toEqual(["https://news.example.com/story"]);
  });
});
