import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await requirePageRole("viewer", "/runs");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Runs</h1>
      <EmptyState title="Nothing here yet" />
    </div>
  );
}
