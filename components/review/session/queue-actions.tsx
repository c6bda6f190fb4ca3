"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

import type * as draftActions from "@/app/(app)/queue/[draftId]/actions";
import type * as ratingActions from "@/app/(app)/queue/[draftId]/rating-actions";
import type * as queueActions from "@/app/(app)/queue/actions";
import type * as gateActions from "@/lib/gates/actions";

/**
 * The server actions the review UI calls, handed down by the queue's layout. Components take them
 * from here rather than importing the app's action modules, so they stay plain components.
 */
export type QueueActions = {
  claim: typeof queueActions.claimAction;
  renew: typeof queueActions.renewAction;
  release: typeof queueActions.releaseAction;
  claimNext: typeof queueActions.claimNextAction;
  saveRevision: typeof queueActions.saveRevisionAction;
  suggest: typeof queueActions.suggestAction;
  reject: typeof queueActions.rejectAction;
  skip: typeof queueActions.skipAction;
  undo: typeof queueActions.undoAction;
  reopen: typeof queueActions.reopenAction;
  preview: typeof queueActions.previewAction;
  approveAndSubmit: typeof queueActions.approveAndSubmitAction;
  reconcile: typeof queueActions.reconcileAction;
  askForRevision: typeof draftActions.askForRevisionAction;
  regenerate: typeof draftActions.regenerateAction;
  rateDraft: typeof ratingActions.rateDraftAction;
  evaluateGates: typeof gateActions.evaluateGatesAction;
  overrideGate: typeof gateActions.overrideGateAction;
};

const QueueActionsContext = createContext<QueueActions | null>(null);

/**
 * Every refresh of the queue's layout (router.refresh() after a save, a decision) brings a new object
 * holding the same server actions. Keeping the first one keeps the context stable, so effects that
 * depend on it do not re-run: useClaim's would release the draft and claim it again, and in between
 * the reviewer's other window, or another reviewer, could lose or take it.
 */
export function QueueActionsProvider({ actions, children }: { actions: QueueActions; children: ReactNode }) {
  const [stable] = useState(actions);
  return <QueueActionsContext.Provider value={stable}>{children}</QueueActionsContext.Provider>;
}

export function useQueueActions(): QueueActions {
  const actions = useContext(QueueActionsContext);
  if (!actions) throw new Error("useQueueActions needs <QueueActionsProvider> (app/(app)/queue/layout.tsx)");
  return actions;
}
