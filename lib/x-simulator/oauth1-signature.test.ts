import { describe, expect, it } from "vitest";

import {
  baseStringUri,
  hmacSha1Signature,
  normalizeParameters,
  parseAuthorizationHeader,
  parseFormEncoded,
  percentEncode,
  signatureBaseString,
} from "./oauth1-signature";

describe("RFC 5849 signature primitives (the simulator's own implementation)", () => {
  // RFC 5849 §3.4.1: POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with body c2&a3=2+q.
  const rfcParams = [
    ...parseFormEncoded("b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
    ...parseFormEncoded("c2&a3=2+q"),
    ["oauth_consumer_key", "9djdj82h48djs9d2"],
    ["oauth_token", "kkk9d7dh3k39sjv7"],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", "137131201"],
    ["oauth_nonce", "7d8f3e4a"],
  ] as [string, string][];

  it("normalizes parameters as in §3.4.1.3.2", () => {
    expect(normalizeParameters(rfcParams)).toBe(
      "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7",
    );
  });

  it("builds the §3.4.1.1 signature base string", () => {
    expect(signatureBaseString("post", new URL("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"), rfcParams)).toBe(
      "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
    );
  });

  it("derives the base string URI as in §3.4.1.2", () => {
    expect(baseStringUri(new URL("HTTP://EXAMPLE.COM:80/r%20v/X?id=123"))).toBe("http://example.com/r%20v/X");
    expect(baseStringUri(new URL("https://www.example.net:8080/?q=1"))).toBe("https://www.example.net:8080/");
  });

  it("reproduces the §1.2 HMAC-SHA1 example signature", () => {
    const base = signatureBaseString("GET", new URL("http://photos.example.net/photos?file=vacation.jpg&size=original"), [
      ["file", "vacation.jpg"],
      ["size", "original"],
      ["oauth_consumer_key", "dpf43f3p2l4k3l03"],
      ["oauth_token", "nnch734d00sl2jdk"],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", "137131202"],
      ["oauth_nonce", "chapoH"],
    ]);
    expect(hmacSha1Signature(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00")).toBe("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  });

  it("reproduces Twitter's documented signature example", () => {
    const base = signatureBaseString("POST", new URL("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"), [
      ["include_entities", "true"],
      ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
      ["oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"],
      ["oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", "1318622958"],
      ["oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"],
      ["oauth_version", "1.0"],
    ]);
    expect(base).toBe(
      "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
    );
    expect(hmacSha1Signature(base, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")).toBe(
      "hCtSmYh+iHYCEqBWrE7C7hYmtUk=",
    );
  });

  it("percent-encodes UTF-8 bytes and keeps only unreserved characters", () => {
    expect(percentEncode("Ladies + Gentlemen")).toBe("Ladies%20%2B%20Gentlemen");
    expect(percentEncode("☃-._~!*'()")).toBe("%E2%98%83-._~%21%2A%27%28%29");
  });

  it("decodes '+' in query strings as a space (§3.4.1.3.1)", () => {
    expect(parseFormEncoded("a=1+2&b&c=%2B")).toEqual([["a", "1 2"], ["b", ""], ["c", "+"]]);
  });

  it("parses Authorization headers and refuses malformed or repeated parameters", () => {
    expect(parseAuthorizationHeader('OAuth realm="Example", oauth_token="a%2Fb",oauth_nonce="n"')).toEqual(
      new Map([["realm", "Example"], ["oauth_token", "a/b"], ["oauth_nonce", "n"]]),
    );
    expect(parseAuthorizationHeader('OAuth oauth_token="a", oauth_token="b"')).toBeNull();
    expect(parseAuthorizationHeader("OAuth oauth_token=a")).toBeNull();
    expect(parseAuthorizationHeader('Bearer oauth_token="a"')).toBeNull();
  });
});
