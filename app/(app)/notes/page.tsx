import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage() {
  await requirePageRole("viewer", "/notes");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Notes</h1>
      <EmptyState title="Nothing here yet" />
    </div>
  );
}
