import type { Metadata } from "next";

import { QueueView } from "@/components/review/queue/queue-view";
import { requirePageRole } from "@/lib/auth/session";
import { listQueue } from "@/lib/review/queue";
import { parseQueueFilters } from "@/lib/review/queue-filters";

import { recentDraftCounts } from "./recent-counts";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer", "/queue");
  const filters = parseQueueFilters(await searchParams);
  const [page, counts] = await Promise.all([listQueue(filters, user), recentDraftCounts(filters.writer)]);
  return <QueueView viewer={user} filters={filters} page={page} counts={counts} now={new Date()} />;
}
