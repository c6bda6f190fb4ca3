import "server-only";

import type { Actor } from "@/lib/review/dto";
import { listQueue } from "@/lib/review/queue";
import type { QueueFilters } from "@/lib/review/queue-filters";
import { encodeCursor } from "@/lib/review/queue-sql";

export type QueueNeighbors = { previous: string | null; next: string | null };

/**
 * The drafts on either side of this one in the list the reviewer came from (same filters and
 * order): one keyset step each way from the draft's own position, so it costs two index probes.
 */
export async function queueNeighbors(draft: { id: string; readyAt: Date | null }, filters: QueueFilters, viewer: Actor): Promise<QueueNeighbors> {
  const here = encodeCursor({ readyAt: draft.readyAt, id: draft.id });
  const backwards = filters.sort === "oldest" ? "newest" : "oldest";
  const [after, before] = await Promise.all([
    listQueue({ ...filters, cursor: here, limit: 1 }, viewer),
    listQueue({ ...filters, sort: backwards, cursor: here, limit: 1 }, viewer),
  ]);
  return { next: after.rows[0]?.id ?? null, previous: before.rows[0]?.id ?? null };
}
