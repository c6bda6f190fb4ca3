import { timingSafeEqual } from "node:crypto";

import {
  hmacSha1Signature,
  parseAuthorizationHeader,
  parseFormEncoded,
  signatureBaseString,
} from "./oauth1-signature";
import { problems, type Reply } from "./problems";

export type SimApp = { consumerKey: string; consumerSecret: string; enrolled: boolean };

export type SimWriter = {
  id: string;
  username: string;
  accessToken: string;
  accessTokenSecret: string;
  oauth2UserToken: string | null;
  /** Admitted writers may use test_mode=false. */
  admitted: boolean;
  /** False = the account never registered as an AI Note Writer. */
  noteWriter: boolean;
};

export type AuthResult = { ok: true; writer: SimWriter } | { ok: false; reply: Reply; reason: string };

export type AuthSettings = {
  app: () => SimApp;
  writers: () => readonly SimWriter[];
  wallNow: () => number;
  appOnlyBearerToken: string;
  timestampWindowSeconds: number;
};

const REQUIRED = ["oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp", "oauth_nonce", "oauth_signature"];

/**
 * Checks a request the way X does: OAuth 1.0a user context (HMAC-SHA1 over method, URL and query parameters,
 * a fresh nonce, a timestamp near our clock) or an OAuth 2.0 user token. The `reason` of a refusal goes to
 * the request log only; like X, the 401 itself says nothing.
 */
export class Authenticator {
  private nonces = new Map<string, number>();

  constructor(private readonly settings: AuthSettings) {}

  authenticate(request: { method: string; url: URL; authorization: string | undefined }): AuthResult {
    const header = request.authorization ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) return this.bearer(bearer[1] ?? "");
    if (/^OAuth\s/i.test(header)) return this.oauth1(request.method, request.url, header);
    return this.refuse(problems.unauthorized(), "no Authorization header");
  }

  reset(): void {
    this.nonces.clear();
  }

  private refuse(reply: Reply, reason: string): AuthResult {
    return { ok: false, reply, reason };
  }

  private admit(writer: SimWriter): AuthResult {
    const app = this.settings.app();
    if (!app.enrolled) return this.refuse(problems.clientNotEnrolled(app.consumerKey), "app not enrolled");
    if (!writer.noteWriter) return this.refuse(problems.notNoteWriter(), "account is not an AI Note Writer");
    return { ok: true, writer };
  }

  private bearer(token: string): AuthResult {
    if (token === this.settings.appOnlyBearerToken) {
      return this.refuse(problems.unsupportedAuthentication(), "app-only bearer token");
    }
    const writer = this.settings.writers().find((w) => w.oauth2UserToken !== null && w.oauth2UserToken === token);
    return writer ? this.admit(writer) : this.refuse(problems.unauthorized(), "unknown bearer token");
  }

  private oauth1(method: string, url: URL, header: string): AuthResult {
    const params = parseAuthorizationHeader(header);
    if (!params) return this.refuse(problems.unauthorized(), "malformed OAuth header");
    const missing = REQUIRED.filter((name) => !params.has(name));
    if (missing.length > 0) return this.refuse(problems.unauthorized(), `OAuth header lacks ${missing.join(", ")}`);
    const get = (name: string) => params.get(name) ?? "";
    if (get("oauth_signature_method") !== "HMAC-SHA1") return this.refuse(problems.unauthorized(), "signature method is not HMAC-SHA1");
    if (params.has("oauth_version") && get("oauth_version") !== "1.0") return this.refuse(problems.unauthorized(), "oauth_version is not 1.0");

    const app = this.settings.app();
    if (get("oauth_consumer_key") !== app.consumerKey) return this.refuse(problems.unauthorized(), "unknown consumer key");
    const writer = this.settings.writers().find((w) => w.accessToken === get("oauth_token"));
    if (!writer) return this.refuse(problems.unauthorized(), "unknown access token");

    const timestamp = Number(get("oauth_timestamp"));
    const nowSeconds = this.settings.wallNow() / 1000;
    if (!/^\d+$/.test(get("oauth_timestamp")) || Math.abs(nowSeconds - timestamp) > this.settings.timestampWindowSeconds) {
      return this.refuse(problems.unauthorized(), `timestamp ${get("oauth_timestamp")} is outside ±${this.settings.timestampWindowSeconds}s`);
    }

    let queryParams: [string, string][];
    try {
      queryParams = parseFormEncoded(url.search.slice(1));
    } catch {
      return this.refuse(problems.unauthorized(), "query string is not valid percent-encoding");
    }
    const signed = [...queryParams, ...[...params].filter(([name]) => name !== "oauth_signature" && name !== "realm")];
    const baseString = signatureBaseString(method, url, signed);
    const expected = Buffer.from(hmacSha1Signature(baseString, app.consumerSecret, writer.accessTokenSecret));
    const given = Buffer.from(get("oauth_signature"));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return this.refuse(problems.unauthorized(), `signature mismatch; expected base string: ${baseString}`);
    }

    if (!this.freshNonce(`${app.consumerKey}:${writer.accessToken}:${get("oauth_timestamp")}:${get("oauth_nonce")}`)) {
      return this.refuse(problems.unauthorized(), "nonce already used");
    }
    return this.admit(writer);
  }

  /** RFC 5849 §3.3: a nonce may be used once; remembered as long as its timestamp could still pass. */
  private freshNonce(key: string): boolean {
    const now = this.settings.wallNow();
    for (const [seen, expiresAt] of this.nonces) if (expiresAt <= now) this.nonces.delete(seen);
    if (this.nonces.has(key)) return false;
    this.nonces.set(key, now + 2 * this.settings.timestampWindowSeconds * 1000);
    return true;
  }
}
