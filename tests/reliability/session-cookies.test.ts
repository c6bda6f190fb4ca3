import { createRequire } from "node:module";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { reloadEnv } from "@/lib/config/env";

// next-auth's own cookie table (an internal module its exports map hides): what it sets for the options Notedesk gives it.
const { defaultCookies } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as {
  defaultCookies: (useSecureCookies: boolean) => unknown;
};

/**
 * Issue #7, session cookies: the configuration path from NOTEDESK_SECURE_COOKIES / NEXTAUTH_URL to
 * the cookie next-auth sets. The e2e security spec checks the cookies a real sign-in sets.
 */
type CookieTable = Record<string, { name: string; options: { httpOnly: boolean; sameSite: string; secure: boolean; path: string } }>;

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["NOTEDESK_SECURE_COOKIES", "NEXTAUTH_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  reloadEnv();
});

function sessionCookie(env: Record<string, string | undefined>) {
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  reloadEnv();
  const options = authOptions();
  // next-auth itself falls back to the URL's scheme when useSecureCookies is left undefined.
  const secure = options.useSecureCookies ?? (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const cookie = (defaultCookies(secure) as CookieTable).sessionToken;
  if (!cookie) throw new Error("next-auth has no session cookie entry");
  return cookie;
}

describe("session cookie flags", () => {
  it("plain http: httpOnly, SameSite=Lax, not Secure (a browser would drop it)", () => {
    expect(sessionCookie({ NOTEDESK_SECURE_COOKIES: undefined, NEXTAUTH_URL: "http://127.0.0.1:3000" })).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: false, path: "/" },
    });
  });

  it("NOTEDESK_SECURE_COOKIES=true: Secure and __Secure- prefixed, even behind a proxy that speaks http to Notedesk", () => {
    expect(sessionCookie({ NOTEDESK_SECURE_COOKIES: "true", NEXTAUTH_URL: "http://notedesk.internal:3000" })).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    });
  });

  it("an https NEXTAUTH_URL makes the cookie Secure, and NOTEDESK_SECURE_COOKIES=false can't turn that off", () => {
    for (const flag of [undefined, "false"]) {
      expect(sessionCookie({ NOTEDESK_SECURE_COOKIES: flag, NEXTAUTH_URL: "https://notedesk.example.org" }).options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    }
  });
});
