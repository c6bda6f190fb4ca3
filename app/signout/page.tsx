import type { Metadata } from "next";

import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sign out of Notedesk?</h1>
      <p className="text-sm text-zinc-500">Drafts you have claimed stay claimed until their lease runs out.</p>
      <SignOutButton />
    </main>
  );
}
