import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

// Per-request: who is signed in decides everything on these pages.
export const dynamic = "force-dynamic";

/** Only same-site paths: a callbackUrl pointing elsewhere would make sign-in an open redirect. */
function safeReturnPath(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/queue";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentUser()) redirect(returnTo);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="text-2xl font-semibold tracking-tight">Notedesk</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-500">Sign in to review Community Notes drafts.</p>
      <SignInForm returnTo={returnTo} />
    </main>
  );
}
