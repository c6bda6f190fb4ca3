"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { draftHref } from "../queue-url";
import { useQueueActions } from "../session/queue-actions";

/** Claims the first free draft these filters show and opens it: the way into a review session. */
export function StartReviewing({ filters }: { filters: QueueFilters }) {
  const actions = useQueueActions();
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    const result = await actions.claimNext({ filters });
    if (!result.ok || !result.data) {
      setPending(false);
      toast.show(result.ok ? "No unclaimed draft matches these filters." : result.message, { tone: result.ok ? "info" : "error" });
      return;
    }
    router.push(draftHref(result.data.draftId, { ...filters, state: "ready" }));
  }

  return (
    <Button onClick={() => void start()} disabled={pending}>
      {pending ? "Claiming…" : "Start reviewing"}
    </Button>
  );
}
