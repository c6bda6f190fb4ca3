"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import type { SubmissionDto } from "@/lib/submission/dto";

const tone: Record<SubmissionDto["state"], string> = {
  pending: "border-sky-400 bg-sky-50 dark:bg-sky-950/40",
  sending: "border-sky-400 bg-sky-50 dark:bg-sky-950/40",
  succeeded: "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40",
  failed: "border-red-500 bg-red-50 dark:bg-red-950/40",
  needs_reconcile: "border-amber-500 bg-amber-50 dark:bg-amber-950/40",
};

const heading: Record<SubmissionDto["state"], string> = {
  pending: "Approved, not sent yet",
  sending: "Being sent to X…",
  succeeded: "Submitted to X",
  failed: "Not submitted",
  needs_reconcile: "Outcome unknown: needs a reconcile",
};

/**
 * Where a submission stands, in plain words. An unknown outcome offers "Reconcile now", which reads
 * X's list of notes before anything is sent again.
 */
export function SubmissionOutcome({ submission, message, onReconcile }: { submission: SubmissionDto; message: string; onReconcile?: () => Promise<void> }) {
  const [reconciling, setReconciling] = useState(false);
  return (
    <section aria-live="polite" data-testid="submission-outcome" data-state={submission.state} className={`rounded-lg border-2 p-3 text-sm ${tone[submission.state]}`}>
      <h3 className="font-semibold">{heading[submission.state]}</h3>
      <p className="mt-1">{message}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-300">
        <dt>Mode</dt>
        <dd className="font-semibold uppercase">{submission.mode}</dd>
        {submission.xNoteId && (
          <>
            <dt>X note id</dt>
            <dd className="font-mono" data-testid="x-note-id">
              {submission.xNoteId}
            </dd>
          </>
        )}
        <dt>Attempts</dt>
        <dd>{submission.attempts}</dd>
        <dt>Approved by</dt>
        <dd>{submission.approvedBy.name}</dd>
      </dl>
      {submission.state === "needs_reconcile" && onReconcile && (
        <Button
          className="mt-3"
          disabled={reconciling}
          onClick={() => {
            setReconciling(true);
            void onReconcile().finally(() => setReconciling(false));
          }}
        >
          {reconciling ? "Checking X…" : "Reconcile now"}
        </Button>
      )}
    </section>
  );
}
