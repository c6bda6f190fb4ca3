import type { ReactNode } from "react";

import { AppHeader } from "@/components/shell/app-header";
import { ControlBanners } from "@/components/shell/control-banners";
import { requirePageRole } from "@/lib/auth/session";
import { currentStop } from "@/lib/controls/emergency-stop";
import { describeBudgetReached, llmBudgetStatuses } from "@/lib/costs/budgets";
import { defaultWriter } from "@/lib/writers/store";

// Per-request: who is signed in decides everything on these pages.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("viewer");
  const [writer, stop, budgets] = await Promise.all([defaultWriter(), currentStop(), llmBudgetStatuses()]);
  return (
    <>
      <AppHeader user={user} writerMode={writer ? (writer.testMode ? "test" : "production") : null} />
      <ControlBanners stop={stop} budgetsReached={budgets.flatMap((status) => describeBudgetReached(status) ?? [])} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
