import { createHmac, randomBytes } from "node:crypto";
import OAuth from "oauth-1.0a";

export type OAuth1Credentials = {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
};

export type OAuth1Stamp = { timestampSeconds: number; nonce: string };

export function newOAuth1Stamp(nowMs: number): OAuth1Stamp {
  return { timestampSeconds: Math.floor(nowMs / 1000), nonce: randomBytes(16).toString("hex") };
}

/**
 * The `Authorization` header for one request, HMAC-SHA1 over the method, the URL and its query parameters.
 * JSON bodies are not part of an OAuth 1.0a signature, so none is passed. A fresh stamp per attempt: X rejects
 * a reused nonce.
 */
export function oauth1Authorization(
  credentials: OAuth1Credentials,
  request: { method: string; url: string },
  stamp: OAuth1Stamp,
): string {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: "HMAC-SHA1",
    hash_function: (baseString, key) => createHmac("sha1", key).update(baseString).digest("base64"),
  });
  const data: OAuth.Data = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: stamp.nonce,
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: stamp.timestampSeconds,
    oauth_token: credentials.accessToken,
    oauth_version: "1.0",
  };
  // getSignature merges the query parameters into the object it is given; keep `data` header-only.
  const signature = oauth.getSignature({ ...request, data: {} }, credentials.accessTokenSecret, { ...data });
  return oauth.toHeader({ ...data, oauth_signature: signature }).Authorization;
}
