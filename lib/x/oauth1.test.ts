import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { hmacSha1Signature, parseAuthorizationHeader, parseFormEncoded, signatureBaseString } from "@/lib/x-simulator/oauth1-signature";

import { oauth1Authorization } from "./oauth1";
import { queryString } from "./query";

function signatureOf(header: string): string {
  const params = parseAuthorizationHeader(header);
  return params?.get("oauth_signature") ?? "";
}

describe("oauth1Authorization (the client's oauth-1.0a signing)", () => {
  it("reproduces Twitter's documented “Creating a signature” example", () => {
    const header = oauth1Authorization(
      {
        consumerKey: "xvz1evFS4wEEPTGEFPHBog",
        consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        accessToken: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        accessTokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
      },
      {
        method: "POST",
        // The example signs a form body; form and query parameters enter the base string identically.
        url: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21",
      },
      { timestampSeconds: 1318622958, nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg" },
    );
    expect(signatureOf(header)).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  });

  it("reproduces the OAuth Core 1.0 appendix example (photos.example.net)", () => {
    const header = oauth1Authorization(
      { consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", accessToken: "nnch734d00sl2jdk", accessTokenSecret: "pfkkdhi9sl3r4s00" },
      { method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original" },
      { timestampSeconds: 1191242096, nonce: "kllo9940pd9333jh" },
    );
    expect(signatureOf(header)).toBe("tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
  });

  it("puts only oauth_* parameters in the header, percent-encoded", () => {
    const header = oauth1Authorization(
      { consumerKey: "key", consumerSecret: "secret", accessToken: "token", accessTokenSecret: "token secret" },
      { method: "GET", url: "https://api.x.com/2/notes/search/notes_written?test_mode=true" },
      { timestampSeconds: 1_700_000_000, nonce: "abc" },
    );
    const params = parseAuthorizationHeader(header);
    expect([...(params?.keys() ?? [])].sort()).toEqual([
      "oauth_consumer_key",
      "oauth_nonce",
      "oauth_signature",
      "oauth_signature_method",
      "oauth_timestamp",
      "oauth_token",
      "oauth_version",
    ]);
    expect(header).toMatch(/^OAuth oauth_consumer_key="key", /);
  });

  it("signs exactly what an independent RFC 5849 verifier computes, for any query values", () => {
    const credentials = { consumerKey: "ck", consumerSecret: "c s+&", accessToken: "at", accessTokenSecret: "ä/ts=" };
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z][a-z._]{0,11}$/), fc.string({ unit: "grapheme", maxLength: 20 }), { maxKeys: 5 }),
        (query) => {
          const url = `https://api.x.com/2/notes/search/posts_eligible_for_notes${queryString(query)}`;
          const stamp = { timestampSeconds: 1_700_000_000, nonce: "n0nce" };
          const header = oauth1Authorization(credentials, { method: "GET", url }, stamp);
          const oauthParams = [...(parseAuthorizationHeader(header) ?? [])].filter(([name]) => name !== "oauth_signature");
          const parsed = new URL(url);
          const base = signatureBaseString("GET", parsed, [...parseFormEncoded(parsed.search.slice(1)), ...oauthParams]);
          expect(signatureOf(header)).toBe(hmacSha1Signature(base, credentials.consumerSecret, credentials.accessTokenSecret));
        },
      ),
      { numRuns: 200 },
    );
  });
});
