"use client";

import { useId, useState, type FormEvent } from "react";

import { useControlAction } from "@/components/controls/use-control-action";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action-result";
import type { TriageDto, TriageVerdict } from "@/lib/triage/types";

export type Overturn = (input: { postId: string; verdict: TriageVerdict; reason: string }) => Promise<ActionResult<TriageDto>>;

const copy: Record<TriageVerdict, { label: string; button: string; done: string }> = {
  in: { label: "Why is this post checkable?", button: "Put back in", done: "Put back in: the next drafting run drafts it." },
  out: { label: "Why should this post be left out?", button: "Triage out", done: "Triaged out: it leaves the queue." },
};

/**
 * Overturns a post's triage verdict with the reviewer's reason (required, kept with the verdict and
 * in the audit trail). The page refreshes after, so the post leaves the list it no longer belongs to.
 */
export function OverturnForm({ postId, to, overturn }: { postId: string; to: TriageVerdict; overturn: Overturn }) {
  const id = useId();
  const { pending, run } = useControlAction();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run(() => overturn({ postId, verdict: to, reason }), () => copy[to].done);
    setErrors(result.ok ? [] : (result.fieldErrors?.reason ?? []));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-2">
      <Field id={id} label={copy[to].label} errors={errors}>
        <Textarea
          id={id}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy(id)}
          maxLength={500}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? "Saving…" : copy[to].button}
      </Button>
    </form>
  );
}
