"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ModeSwitch, ModeSwitchResult } from "@/lib/controls/writer-mode";
import type { AdmissionProgress } from "@/lib/notes/admission";

import { AdmissionSummary } from "./admission-summary";
import { useControlAction } from "./use-control-action";

type Props = {
  writer: { id: string; name: string; mode: "test" | "production"; pendingApprovals: number; admission: AdmissionProgress };
  switchMode: (input: ModeSwitch) => Promise<ActionResult<ModeSwitchResult>>;
};

/** Test ↔ production behind a confirmation that shows X's admission progress first. */
export function WriterModeSwitch({ writer, switchMode }: Props) {
  const { pending, run } = useControlAction();
  const [open, setOpen] = useState(false);
  const to = writer.mode === "test" ? "production" : "test";

  async function confirm() {
    const result = await run(
      () => switchMode({ writerId: writer.id, from: writer.mode, to }),
      ({ voidedApprovals: voided }) => `${writer.name} is now in ${to} mode.${voided ? ` ${voided} approval${voided === 1 ? "" : "s"} made in ${writer.mode} mode voided.` : ""}`,
    );
    if (result.ok) setOpen(false);
  }

  return (
    <>
      <Button variant={to === "production" ? "danger" : "secondary"} onClick={() => setOpen(true)}>
        Switch to {to}…
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Switch ${writer.name} to ${to} mode?`}
        description={
          to === "production"
            ? "Notes will go to X's live Community Notes and count toward this writer's record."
            : "Notes will go to X's test feed again: scored, never shown to X users."
        }
        size="lg"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant={to === "production" ? "danger" : "primary"} disabled={pending} onClick={confirm}>
              {pending ? "Switching…" : `Switch to ${to} mode`}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-3">
          {to === "production" && <AdmissionSummary admission={writer.admission} />}
          <p className="text-sm" data-testid="mode-switch-voids">
            {writer.pendingApprovals === 0
              ? `No approvals are waiting to be sent in ${writer.mode} mode.`
              : `${writer.pendingApprovals} approval${writer.pendingApprovals === 1 ? " is" : "s are"} waiting to be sent in ${writer.mode} mode; switching voids ${writer.pendingApprovals === 1 ? "it" : "them"}, and nothing of ${writer.pendingApprovals === 1 ? "it" : "them"} is sent.`}
          </p>
          <p className="text-xs text-zinc-500">The switch is recorded in the audit log with your name.</p>
        </div>
      </Dialog>
    </>
  );
}
