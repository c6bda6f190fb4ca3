import { NextResponse, type NextRequest } from "next/server";

// next-auth's cookie names, plain and with the __Secure- prefix it uses over https.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Pages a stranger may see; everything else sends them to sign in first. */
const PUBLIC_PAGES = /^\/(signin|signout)(\/|$)/;

/**
 * The Content-Security-Policy of every page, with this response's nonce. Scripts run only when they
 * carry the nonce (Next.js adds it to its own scripts; the root layout to its theme script) or were
 * loaded by one that did ('strict-dynamic'): markup that slipped into a page could not run script.
 * Styles may be inline (React style attributes, charts); images may come from X's media hosts over
 * https and, for the local X simulator, from loopback. Nothing may frame Notedesk.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const loopback = "http://127.0.0.1:* http://localhost:*";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https: ${loopback}`,
    `media-src 'self' blob: https: ${loopback}`,
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * 1. Gives every page a fresh CSP nonce (request header for the renderer, response header for the
 *    browser); see contentSecurityPolicy above. The other security headers are in next.config.ts.
 * 2. Sends a visitor without a session cookie to sign in, remembering where they were going. This
 *    is only a convenience: every page, action and route handler still checks the session and role.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = btoa(crypto.randomUUID());
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON and files, and built assets need no policy of their own.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
