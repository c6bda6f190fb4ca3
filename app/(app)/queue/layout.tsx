import type { ReactNode } from "react";

import { QueueActionsProvider } from "@/components/review/session/queue-actions";
import { UndoProvider } from "@/components/review/session/undo";
import { evaluateGatesAction, overrideGateAction } from "@/lib/gates/actions";

import { askForRevisionAction, regenerateAction } from "./[draftId]/actions";
import { rateDraftAction } from "./[draftId]/rating-actions";
import {
  approveAndSubmitAction,
  claimAction,
  claimNextAction,
  previewAction,
  reconcileAction,
  rejectAction,
  releaseAction,
  renewAction,
  reopenAction,
  saveRevisionAction,
  skipAction,
  suggestAction,
  undoAction,
} from "./actions";

/**
 * Holds what a review session keeps across drafts: the actions and this tab's undo history. The
 * (app) layout and each page check the session; the actions check roles themselves.
 */
export default function QueueLayout({ children }: { children: ReactNode }) {
  const actions = {
    claim: claimAction,
    renew: renewAction,
    release: releaseAction,
    claimNext: claimNextAction,
    saveRevision: saveRevisionAction,
    suggest: suggestAction,
    reject: rejectAction,
    skip: skipAction,
    undo: undoAction,
    reopen: reopenAction,
    preview: previewAction,
    approveAndSubmit: approveAndSubmitAction,
    reconcile: reconcileAction,
    askForRevision: askForRevisionAction,
    regenerate: regenerateAction,
    rateDraft: rateDraftAction,
    evaluateGates: evaluateGatesAction,
    overrideGate: overrideGateAction,
  };
  return (
    <QueueActionsProvider actions={actions}>
      <UndoProvider>{children}</UndoProvider>
    </QueueActionsProvider>
  );
}
