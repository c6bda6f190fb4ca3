"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

import { useQueueActions } from "../session/queue-actions";

/**
 * Throws the AI draft away and has it drafted again from the post. Edits stay in the history; the
 * draft leaves the queue until the drafter answers, so the reviewer moves on to the next one.
 */
export function RegenerateButton({ draftId, version, enabled }: { draftId: string; version: number; enabled: boolean }) {
  const actions = useQueueActions();
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function regenerate() {
    setBusy(true);
    const result = await actions.regenerate({ draftId, expectedVersion: version });
    setBusy(false);
    if (!result.ok) return toast.show(result.message, { tone: "error" });
    toast.show("Sent back to the drafter: it returns to the queue once redrafted.", { tone: "success" });
    router.push("/queue");
  }

  return (
    <Button variant="ghost" disabled={!enabled || busy} onClick={() => void regenerate()} className="self-start">
      {busy ? "Sending back…" : "Regenerate the AI draft"}
    </Button>
  );
}
