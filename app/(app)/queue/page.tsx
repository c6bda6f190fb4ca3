import type { Metadata } from "next";

import { QueueView, type QueueContent } from "@/components/review/queue/queue-view";
import { requirePageRole } from "@/lib/auth/session";
import { listQueue, listTriagedOut } from "@/lib/review/queue";
import { parseQueueFilters } from "@/lib/review/queue-filters";
import { recentQueueCounts } from "@/lib/review/recent-counts";

import { overturnTriageAction } from "./triage-actions";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer", "/queue");
  const filters = parseQueueFilters(await searchParams);
  const [content, counts] = await Promise.all([
    filters.view === "triaged_out"
      ? listTriagedOut(filters).then((page): QueueContent => ({ view: "triaged_out", page, overturn: overturnTriageAction }))
      : listQueue(filters, user).then((page): QueueContent => ({ view: "drafts", page })),
    recentQueueCounts(filters.writer),
  ]);
  return <QueueView viewer={user} filters={filters} content={content} counts={counts} now={new Date()} />;
}
