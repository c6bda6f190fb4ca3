import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  await requirePageRole("viewer", "/queue");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Queue</h1>
      <EmptyState title="Nothing here yet" />
    </div>
  );
}
