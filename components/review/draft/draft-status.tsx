"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import type { DraftDetailDto } from "@/lib/review/dto";
import { rejectReasons, type RejectReason } from "@/lib/review/reject-reasons";

import { formatDateTime } from "../format";
import { classificationLabel, stateLabels, tagLabel } from "../labels";
import { useQueueActions } from "../session/queue-actions";
import { GatePass } from "./gate-pass";
import { SubmissionOutcome } from "./submission-outcome";

/**
 * A draft that is not in the queue: why (rejected, sent, failed, no note) and the one way back
 * where there is one — reopen a failed or "no note" draft, reconcile an unknown outcome.
 */
export function DraftStatus({ detail, submissionMessage, canReview, canApprove }: { detail: DraftDetailDto; submissionMessage: string | null; canReview: boolean; canApprove: boolean }) {
  const { draft, submission } = detail;
  const actions = useQueueActions();
  const router = useRouter();
  const toast = useToast();
  const [reopening, setReopening] = useState(false);

  async function reopen() {
    setReopening(true);
    const result = await actions.reopen({ draftId: draft.id, expectedVersion: draft.version });
    setReopening(false);
    if (!result.ok) return toast.show(result.message, { tone: "error" });
    toast.show("Back in the queue, held by you.", { tone: "success" });
    router.refresh();
  }

  async function reconcile() {
    if (!submission) return;
    const result = await actions.reconcile({ submissionId: submission.id });
    toast.show(result.ok ? result.data.message : result.message, { tone: result.ok ? "info" : "error" });
    router.refresh();
  }

  const decided = draft.decidedBy && draft.decidedAt ? `${draft.decidedBy.name}, ${formatDateTime(draft.decidedAt)}` : null;
  return (
    <Card title={`This draft is ${stateLabels[draft.state].toLowerCase()}`}>
      <div className="flex flex-col gap-3 text-sm" data-testid="draft-status">
        {draft.state === "rejected" && (
          <p>
            Rejected{decided && ` by ${decided}`}: {draft.rejectReason ? (rejectReasons[draft.rejectReason as RejectReason] ?? draft.rejectReason) : "no reason recorded"}
            {draft.rejectNote && <span className="block text-zinc-600 dark:text-zinc-300">“{draft.rejectNote}”</span>}
          </p>
        )}
        {draft.state === "no_note" && <p>The AI concluded no note is needed{draft.aiRationale ? `: ${draft.aiRationale}` : "."}</p>}
        {draft.failureReason && <p className="text-red-700 dark:text-red-400">{draft.failureReason}</p>}
        {detail.current && (
          <div>
            <h3 className="text-xs font-semibold text-zinc-500">The note (revision {detail.current.number})</h3>
            <p className="rounded-md bg-zinc-50 px-3 py-2 break-words whitespace-pre-wrap dark:bg-zinc-800/60" data-testid="final-note">
              {detail.current.text}
            </p>
            <p className="mt-1 text-xs text-zinc-500">
              {classificationLabel(detail.current.classification)}
              {detail.current.misleadingTags.length > 0 && ` · ${detail.current.misleadingTags.map(tagLabel).join(", ")}`}
            </p>
          </div>
        )}
        {submission && submissionMessage && <SubmissionOutcome submission={submission} message={submissionMessage} onReconcile={canApprove ? reconcile : undefined} />}
        {submission && <GatePass pass={submission.gatePass} />}
        {canReview && (draft.state === "failed" || draft.state === "no_note") && (
          <Button className="self-start" onClick={() => void reopen()} disabled={reopening}>
            {reopening ? "Reopening…" : draft.state === "no_note" ? "Write a note anyway" : "Reopen to edit and approve again"}
          </Button>
        )}
      </div>
    </Card>
  );
}
