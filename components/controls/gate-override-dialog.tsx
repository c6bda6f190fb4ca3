"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action-result";
import { isOverridableGate, type GateChecklist, type GateResult, type OverridableGate } from "@/lib/gates/dto";

export type OverrideRequest = { draftId: string; gate: OverridableGate; payloadHash: string; reason: string };

/**
 * An admin sends despite one failing gate: the reason is required, stored with their name, and the
 * override holds only for the exact payload on screen (its hash goes with the request).
 */
export function GateOverrideDialog({
  checklist,
  gate,
  onClose,
  override,
}: {
  checklist: GateChecklist;
  /** The gate to override; null keeps the dialog closed. */
  gate: GateResult | null;
  onClose: (updated: GateChecklist | null) => void;
  override: (request: OverrideRequest) => Promise<ActionResult<GateChecklist>>;
}) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function submit() {
    if (!gate || !isOverridableGate(gate.id) || !checklist.payloadHash) return;
    setPending(true);
    const result = await override({ draftId: checklist.draftId, gate: gate.id, payloadHash: checklist.payloadHash, reason });
    setPending(false);
    if (!result.ok) return setErrors(result.fieldErrors?.reason ?? [result.message]);
    setReason("");
    setErrors([]);
    onClose(result.data);
  }

  return (
    <Dialog
      open={gate !== null}
      onClose={() => onClose(null)}
      title={`Override “${gate?.label ?? ""}”`}
      description="The note is sent despite this check. Your name and reason are recorded, and the override holds for this exact note only: any change needs a new one."
      footer={
        <>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={pending} onClick={submit}>
            {pending ? "Recording…" : "Override and record my reason"}
          </Button>
        </>
      }
    >
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">{gate?.reason}</p>
      <Field id="override-reason" label="Why is sending anyway right?" errors={errors}>
        <Textarea id="override-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={describedBy("override-reason")} />
      </Field>
    </Dialog>
  );
}
