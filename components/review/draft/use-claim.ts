"use client";

import { useEffect, useState } from "react";

import type { ClaimDto } from "@/lib/review/dto";

import { useQueueActions, type QueueActions } from "../session/queue-actions";

/** Well inside the 10-minute lease, so one lost renewal never costs the claim. */
const RENEW_EVERY_MS = 2 * 60_000;

export type ClaimState =
  /** Looking only (a viewer): who holds the draft, as the page was rendered. */
  | { kind: "watching"; claim: ClaimDto | null }
  | { kind: "claiming" }
  /** `version`: the draft's version when the claim was taken or renewed, to notice a stale page. */
  | { kind: "mine"; claim: ClaimDto; version: number }
  /** Someone else holds it: read-only, with who and since when. */
  | { kind: "held"; claim: ClaimDto; message: string }
  /** The claim could not be taken or kept (the draft left the queue, the lease was lost). */
  | { kind: "lost"; message: string };

type ClaimOutcome = Awaited<ReturnType<QueueActions["claim"]>>;

function toState(result: ClaimOutcome): ClaimState {
  if (!result.ok) return { kind: "lost", message: result.message };
  return result.data.claimed
    ? { kind: "mine", claim: result.data.claim, version: result.data.version }
    : { kind: "held", claim: result.data.heldBy, message: result.data.message };
}

/**
 * Holds the draft while its page is open: claims on open, renews on an interval, releases on
 * leaving (a beacon when the tab closes). Only runs when `active` (a reviewer, a draft in the queue).
 */
export function useClaim(draftId: string, active: boolean, rendered: ClaimDto | null): ClaimState {
  const actions = useQueueActions();
  const [state, setState] = useState<ClaimState>({ kind: "claiming" });

  useEffect(() => {
    if (!active) return;
    let live = true;
    const apply = (result: ClaimOutcome) => {
      if (live) setState(toState(result));
    };
    void actions.claim({ draftId }).then(apply);
    const renewal = setInterval(() => void actions.renew({ draftId }).then(apply), RENEW_EVERY_MS);
    const onPageHide = () => navigator.sendBeacon(`/queue/release?draftId=${encodeURIComponent(draftId)}`);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      live = false;
      clearInterval(renewal);
      window.removeEventListener("pagehide", onPageHide);
      // After a decision the domain has already released it; releasing what you don't hold changes nothing.
      void actions.release({ draftId });
    };
  }, [actions, draftId, active]);

  return active ? state : { kind: "watching", claim: rendered };
}
