"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";

import { runsQueryKey } from "./runs-query";

type EnqueueAction = (input: { writerId: string }) => Promise<ActionResult<{ queued: boolean }>>;

const jobs = {
  pull: { label: "Pull now", queued: "Pull queued", alreadyWaiting: "A pull is already waiting" },
  draft: { label: "Draft new posts", queued: "Drafting queued", alreadyWaiting: "A drafting run is already waiting" },
} as const;

/** "Pull now" and "Draft new posts": each queues a job for the chosen writer and says what happened. */
export function RunControls({
  writers,
  actions,
}: {
  writers: { id: string; name: string }[];
  actions: Record<keyof typeof jobs, EnqueueAction>;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [writerId, setWriterId] = useState(writers[0]?.id ?? "");
  const [pending, setPending] = useState<keyof typeof jobs | null>(null);
  const writerName = writers.find((w) => w.id === writerId)?.name ?? "";

  async function enqueue(kind: keyof typeof jobs) {
    setPending(kind);
    const result = await actions[kind]({ writerId });
    setPending(null);
    if (!result.ok) {
      toast.show(result.message, { tone: "error" });
      return;
    }
    toast.show(`${result.data.queued ? jobs[kind].queued : jobs[kind].alreadyWaiting} for ${writerName}.`, {
      tone: result.data.queued ? "success" : "info",
    });
    await queryClient.invalidateQueries({ queryKey: runsQueryKey });
  }

  if (writers.length === 0) return <p className="text-sm text-zinc-500">No writer is set up yet.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {writers.length > 1 && (
        <select aria-label="Writer" className="input" value={writerId} onChange={(e) => setWriterId(e.target.value)}>
          {writers.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      )}
      {(Object.keys(jobs) as (keyof typeof jobs)[]).map((kind) => (
        <Button key={kind} variant={kind === "pull" ? "primary" : "secondary"} disabled={pending !== null} onClick={() => void enqueue(kind)}>
          {pending === kind ? "Queuing…" : jobs[kind].label}
        </Button>
      ))}
    </div>
  );
}
