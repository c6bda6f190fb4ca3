"use client";

import { useState } from "react";

import { useToast } from "@/components/ui/toast";
import type { Rejection } from "@/lib/review/reject-reasons";

import { useQueueActions } from "../session/queue-actions";
import { useUndo } from "../session/undo";

type Decided = { ok: true; data: { version: number } } | { ok: false; message: string };

/**
 * Reject and skip: each quotes the version on screen, is remembered for undo, then moves on.
 * The domain releases the claim with the decision.
 */
export function useDecisions({ draftId, version, subject, href, onDone }: { draftId: string; version: number; subject: string; href: string; onDone: () => void }) {
  const actions = useQueueActions();
  const undo = useUndo();
  const toast = useToast();
  const [pending, setPending] = useState<"reject" | "skip" | null>(null);

  async function decide(kind: "reject" | "skip", call: () => Promise<Decided>, label: string): Promise<boolean> {
    setPending(kind);
    const result = await call();
    setPending(null);
    if (!result.ok) {
      toast.show(result.message, { tone: "error" });
      return false;
    }
    undo.record({ draftId, version: result.data.version, label, href });
    onDone();
    return true;
  }

  return {
    pending,
    skip: () => decide("skip", () => actions.skip({ draftId, expectedVersion: version }), `Skipped ${subject}`),
    reject: (rejection: Rejection) => decide("reject", () => actions.reject({ draftId, expectedVersion: version, rejection }), `Rejected ${subject}`),
  };
}
