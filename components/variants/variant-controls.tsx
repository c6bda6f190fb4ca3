"use client";

import { useState } from "react";

import { useControlAction } from "@/components/controls/use-control-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action-result";
import type { DraftPromptVersion } from "@/lib/drafting/prompts/build-request";
import type { VariantDto } from "@/lib/variants/dto";

import { VariantForm, type VariantFields } from "./variant-form";

export type VariantActions = {
  change: (input: VariantFields & { variantId: string }) => Promise<ActionResult<{ name: string }>>;
  setStatus: (input: { variantId: string; status: "shadow" | "off" }) => Promise<ActionResult<{ name: string; status: string }>>;
  promote: (input: { variantId: string; confirm: true }) => Promise<ActionResult<{ live: string; demoted: string | null }>>;
};

/** An admin's controls on one variant: edit, shadow/off, and promotion to live behind a confirmation. */
export function VariantControls({ variant, liveName, promptVersions, actions }: { variant: VariantDto; liveName: string | null; promptVersions: readonly DraftPromptVersion[]; actions: VariantActions }) {
  const { pending, run } = useControlAction();
  const [dialog, setDialog] = useState<"edit" | "promote" | null>(null);
  const close = () => setDialog(null);

  async function promote() {
    const result = await run(
      () => actions.promote({ variantId: variant.id, confirm: true }),
      ({ live, demoted }) => `"${live}" is live${demoted ? `; "${demoted}" now drafts in shadow` : ""}.`,
    );
    if (result.ok) close();
  }

  const toggle = variant.status === "shadow" ? "off" : "shadow";

  return (
    <div className="flex flex-wrap gap-1">
      <Button variant="ghost" onClick={() => setDialog("edit")} aria-label={`Edit ${variant.name}`}>
        Edit
      </Button>
      {variant.status !== "live" && (
        <>
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => void run(() => actions.setStatus({ variantId: variant.id, status: toggle }), (v) => `"${v.name}" is ${v.status === "off" ? "off" : "drafting in shadow"}.`)}
          >
            {toggle === "off" ? "Turn off" : "Run in shadow"}
          </Button>
          <Button variant="secondary" disabled={pending || variant.problem !== null} onClick={() => setDialog("promote")} title={variant.problem ?? undefined}>
            Promote to live…
          </Button>
        </>
      )}
      <Dialog open={dialog === "edit"} onClose={close} title={`Edit "${variant.name}"`} size="lg">
        <VariantForm
          initial={variant}
          promptVersions={promptVersions}
          configurable={variant.configurable}
          submitLabel="Save"
          save={(fields) => actions.change({ ...fields, variantId: variant.id })}
          onSaved={close}
        />
      </Dialog>
      <Dialog
        open={dialog === "promote"}
        onClose={close}
        title={`Make "${variant.name}" the live variant?`}
        description="The live variant drafts what reviewers see and approve, from the next drafting run on."
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button disabled={pending} onClick={promote} data-autofocus>
              {pending ? "Promoting…" : `Promote "${variant.name}"`}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2 text-sm">
          <p>
            {liveName ? `"${liveName}" stops being live and keeps drafting in shadow, so the two can still be compared.` : "This writer has no live variant yet."} Drafts already in the queue stay as they are.
          </p>
          <p className="text-xs text-zinc-500">The promotion is recorded in the audit log with your name.</p>
        </div>
      </Dialog>
    </div>
  );
}
