"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { GateChecklist } from "@/components/controls/gate-checklist";
import { GateOverrideDialog } from "@/components/controls/gate-override-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { Spinner } from "@/components/ui/spinner";
import type { GateResult } from "@/lib/gates/dto";
import type { SubmitOutcomeDto } from "@/lib/submission/dto";

import { useQueueActions } from "../session/queue-actions";
import { useUndo } from "../session/undo";
import type { SendingBudget } from "./budget";
import { RequestPreview } from "./request-preview";
import { SubmissionOutcome } from "./submission-outcome";
import { useSubmitChecks, type SavedNote } from "./use-submit-checks";

type Props = {
  open: boolean;
  onClose: (outcome: SubmitOutcomeDto | null) => void;
  note: SavedNote & { href: string; subject: string };
  /** Unsaved edits are never approved by accident: the dialog asks to save them first. */
  dirty: boolean;
  onSaveFirst: () => Promise<unknown>;
  budget: SendingBudget;
  /** Admins may override a failing link or evaluator check, with a reason. */
  canOverride: boolean;
  onNext: () => void;
};

/**
 * Approve and submit: the exact request, its feed in big letters and every submit check; one confirm,
 * then the outcome and the way on. The button stays shut until every check passes.
 */
export function ApproveDialog({ open, onClose, note, dirty, onSaveFirst, budget, canOverride, onNext }: Props) {
  const actions = useQueueActions();
  const router = useRouter();
  const undo = useUndo();
  const [outcome, setOutcome] = useState<SubmitOutcomeDto | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<GateResult | null>(null);
  const checks = useSubmitChecks(note, open && !dirty && outcome === null);

  async function confirm() {
    setSubmitting(true);
    setFailure(null);
    const result = await actions.approveAndSubmit({ draftId: note.draftId, expectedVersion: note.version });
    setSubmitting(false);
    if (!result.ok) {
      setFailure(result.message);
      // A check that passed when the dialog opened failed on the server (say, an emergency stop set
      // since), or the draft changed: asked again, the dialog shows what stands now.
      if (result.code === "blocked" || result.code === "conflict") checks.recheck();
      return;
    }
    setOutcome(result.data);
    if (result.data.submission.state === "pending") {
      undo.record({ draftId: note.draftId, version: result.data.draft.version, label: `Approved ${note.subject} (not sent)`, href: note.href });
    }
  }

  async function reconcile() {
    if (!outcome) return;
    const result = await actions.reconcile({ submissionId: outcome.submission.id });
    if (result.ok) setOutcome(result.data);
    else setFailure(result.message);
  }

  /** The page's draft, and with it the request and checks the dialog asks for, become the latest version. */
  const showLatest = () => {
    setFailure(null);
    router.refresh();
  };

  const close = () => {
    onClose(outcome);
    setOutcome(null);
    setFailure(null);
  };
  const production = checks.preview?.mode === "production";
  const ready = checks.blocked === null && !checks.loading;

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Approve and submit to X"
      description="Once sent, a note can't be edited on X."
      size="lg"
      footer={
        outcome ? (
          <>
            <Button variant="ghost" onClick={close}>
              Stay here <Kbd>Esc</Kbd>
            </Button>
            <Button autoFocus onClick={onNext}>
              Next draft <Kbd>↵</Kbd>
            </Button>
          </>
        ) : (
          <>
            {/* Keyed by readiness so focus lands once everything is known: on Cancel for a production note. */}
            <Button key={`cancel-${ready}`} variant="ghost" onClick={close} autoFocus={ready && production}>
              Cancel <Kbd>Esc</Kbd>
            </Button>
            <Button
              key={`confirm-${ready}`}
              autoFocus={ready && !production}
              disabled={!ready || submitting || dirty}
              onClick={() => void confirm()}
              className={production ? "bg-red-600 hover:bg-red-500 dark:bg-red-600 dark:text-white" : ""}
              data-testid="confirm-submit"
            >
              {submitting ? "Submitting…" : (checks.blocked ?? `Submit to ${production ? "PRODUCTION" : "TEST"} feed`)} {ready && <Kbd>↵</Kbd>}
            </Button>
          </>
        )
      }
    >
      <div className="flex flex-col gap-4">
        {dirty ? (
          <div className="flex flex-col items-start gap-2 text-sm">
            <p>Your edit isn&apos;t saved. Only saved revisions can be approved, so you approve exactly what was recorded.</p>
            <Button data-autofocus onClick={() => void onSaveFirst()}>
              Save, then preview
            </Button>
          </div>
        ) : outcome ? (
          <SubmissionOutcome submission={outcome.submission} message={outcome.message} onReconcile={reconcile} />
        ) : checks.changed ? (
          <div className="flex flex-col items-start gap-2 text-sm" data-testid="draft-changed">
            <p>{checks.changed}</p>
            <Button data-autofocus onClick={showLatest}>
              Show the latest version
            </Button>
          </div>
        ) : (
          <>
            {checks.preview ? <RequestPreview preview={checks.preview} budget={budget} /> : !checks.error && <Spinner label="Building the request" />}
            <GateChecklist checklist={checks.checklist ?? null} onOverride={canOverride ? setOverriding : undefined} />
          </>
        )}
        {(failure ?? checks.error) && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {failure ?? checks.error}
          </p>
        )}
      </div>
      {checks.checklist && (
        <GateOverrideDialog
          checklist={checks.checklist}
          gate={overriding}
          override={actions.overrideGate}
          onClose={(updated) => {
            setOverriding(null);
            if (updated) checks.replaceChecklist(updated);
          }}
        />
      )}
    </Dialog>
  );
}
