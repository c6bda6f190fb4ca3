import type { ReactNode } from "react";

import { AppHeader } from "@/components/shell/app-header";
import { requirePageRole } from "@/lib/auth/session";
import { defaultWriter } from "@/lib/writers/store";

// Per-request: who is signed in decides everything on these pages.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("viewer");
  const writer = await defaultWriter();
  return (
    <>
      <AppHeader user={user} writerMode={writer ? (writer.testMode ? "test" : "production") : null} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
