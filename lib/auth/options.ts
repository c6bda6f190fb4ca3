import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env } from "@/lib/config/env";
import { credentialsSchema } from "@/lib/users/schemas";
import { findCredentials } from "@/lib/users/store";

import { verifyPassword } from "./password";
import type { Role } from "./roles";

// A hash of a random password: comparing against it when the email is unknown keeps
// sign-in time the same for known and unknown accounts.
const TIMING_DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5A2lYy7aF3r8Nf.dQq1E4sS4e3u8Q0a";

export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin" },
    useSecureCookies: config.NOTEDESK_SECURE_COOKIES || config.NEXTAUTH_URL?.startsWith("https://"),
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await findCredentials(parsed.data.email);
          const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
          if (!user || !ok || user.disabled) return null;
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = user.role;
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = token.role as Role;
        }
        return session;
      },
    },
  };
}
