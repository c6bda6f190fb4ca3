import type { Metadata } from "next";

import { ShortcutTable } from "@/components/review/keyboard/shortcut-table";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Keyboard shortcuts" };

/**
 * The cheatsheet as a page, to print or keep beside the queue. It reads nothing beyond the session,
 * which also makes it bench/queue's floor: the cost of any signed-in page of the review area.
 */
export default async function ShortcutsPage() {
  await requirePageRole("viewer", "/queue/shortcuts");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Keyboard shortcuts</h1>
      <p className="text-sm text-zinc-500">Single keys are off while you type in a field; Ctrl/⌘+Enter, Ctrl/⌘+S and Esc still work. Press ? on any queue page for this list.</p>
      <Card>
        <ShortcutTable />
      </Card>
    </div>
  );
}
