import { NextResponse, type NextRequest } from "next/server";

// next-auth's cookie names, plain and with the __Secure- prefix it uses over https.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Sends a visitor without a session cookie to sign in, remembering where they were going. This is
 * only a convenience: every page, action and route handler still checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!signin|signout|api/|_next/|favicon.ico|robots.txt).*)"],
};
