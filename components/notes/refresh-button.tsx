"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";
import type { RefreshSummary } from "@/lib/notes/refresh-summary";

export function RefreshButton({ writerId, action }: { writerId: string; action: (input: { writerId: string }) => Promise<ActionResult<RefreshSummary>> }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  const refresh = () =>
    startTransition(async () => {
      const result = await action({ writerId });
      if (!result.ok) {
        toast.show(result.message, { tone: "error" });
        return;
      }
      toast.show(result.data.message, { tone: result.data.state === "failed" ? "error" : "success" });
      router.refresh();
    });

  return (
    <Button onClick={refresh} disabled={pending} aria-busy={pending}>
      {pending ? <Spinner label="Refreshing" /> : "Refresh now"}
    </Button>
  );
}
