import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";

export type DecisionHandlers = {
  save: () => void;
  saveAndNext: () => void;
  approve: () => void;
  reject: () => void;
  skip: () => void;
};

type BarProps = { handlers: DecisionHandlers; enabled: boolean; busy: string | null };

/** Saving belongs to the editor: a new revision, and optionally on to the next draft. */
export function SaveButtons({ handlers, enabled, busy }: BarProps) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button variant="secondary" onClick={handlers.save} disabled={!enabled || busy !== null}>
        {busy === "save" ? "Saving…" : "Save"} <Kbd>Ctrl/⌘ S</Kbd>
      </Button>
      <Button onClick={handlers.saveAndNext} disabled={!enabled || busy !== null}>
        Save &amp; next <Kbd>Ctrl/⌘ ↵</Kbd>
      </Button>
    </div>
  );
}

/** The decisions, each with its key. Approve stays visible to reviewers, with why they can't use it. */
export function DecisionBar({ handlers, enabled, busy, canApprove }: BarProps & { canApprove: boolean }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Decisions">
        <Button
          onClick={handlers.approve}
          disabled={!enabled || !canApprove || busy !== null}
          aria-describedby={canApprove ? undefined : "approve-unavailable"}
          className="bg-emerald-700 hover:bg-emerald-600 dark:bg-emerald-600 dark:text-white dark:hover:bg-emerald-500"
        >
          Approve &amp; submit <Kbd>a</Kbd>
        </Button>
        <Button variant="secondary" onClick={handlers.reject} disabled={!enabled || busy !== null}>
          {busy === "reject" ? "Rejecting…" : "Reject"} <Kbd>r</Kbd>
        </Button>
        <Button variant="secondary" onClick={handlers.skip} disabled={!enabled || busy !== null}>
          {busy === "skip" ? "Skipping…" : "Skip"} <Kbd>s</Kbd>
        </Button>
      </div>
      {!canApprove && (
        <p id="approve-unavailable" className="text-xs text-zinc-500">
          Approving and submitting needs the approver role. Save your edit and an approver will see it in the queue.
        </p>
      )}
    </div>
  );
}
