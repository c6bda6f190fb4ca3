"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { useToast } from "@/components/ui/toast";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { draftHref, queueHref } from "../queue-url";
import { useQueueActions } from "../session/queue-actions";

export type Neighbors = { previous: string | null; next: string | null };

/**
 * Moving through the queue from a draft. After a decision, `advance` claims the next free draft (so
 * nobody else opens it meanwhile) and shows it; its skeleton is prefetched by the header's links, so
 * the page changes at once and fills in with one round trip.
 */
export function useAdvance(filters: QueueFilters, neighbors: Neighbors, canClaim: boolean) {
  const router = useRouter();
  const toast = useToast();
  const actions = useQueueActions();
  const [advancing, setAdvancing] = useState(false);

  const hrefOf = (id: string | null) => (id ? draftHref(id, filters) : null);
  const open = (id: string | null) => (id ? () => router.push(draftHref(id, filters)) : undefined);

  /** `leaving`: the draft just decided on, which must not come straight back. */
  async function advance(leaving: string) {
    if (!canClaim) return open(neighbors.next)?.();
    setAdvancing(true);
    // The next free draft after this one in the list's order, whatever the sort: a skipped draft stays
    // where the order puts it (oldest first, at the back) and is not handed straight back.
    const result = await actions.claimNext({ filters, after: leaving });
    if (result.ok && result.data) {
      router.push(draftHref(result.data.draftId, filters));
      return;
    }
    setAdvancing(false);
    toast.show(result.ok ? "No other free draft matches this list." : result.message, { tone: result.ok ? "success" : "error" });
    router.push(queueHref(filters));
  }

  return { advance, advancing, next: open(neighbors.next), previous: open(neighbors.previous), nextHref: hrefOf(neighbors.next), previousHref: hrefOf(neighbors.previous) };
}
