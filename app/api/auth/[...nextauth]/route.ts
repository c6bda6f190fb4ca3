import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/options";

// Built per request so configuration is read at run time, never baked in at build time.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
