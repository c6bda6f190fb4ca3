"use client";

import { useState, type SyntheticEvent } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { Textarea } from "@/components/ui/textarea";
import { rejectionSchema, rejectReasons, type RejectReason, type Rejection } from "@/lib/review/reject-reasons";

/** A reason from the fixed list (so rejections can be counted) plus an optional note; "Other" needs the note. */
export function RejectDialog({ open, onClose, onReject }: { open: boolean; onClose: () => void; onReject: (rejection: Rejection) => Promise<boolean> }) {
  return (
    <Dialog open={open} onClose={onClose} title="Reject this draft" description="It leaves the queue; you can undo with u." size="sm">
      {/* Remounted on each open, so every rejection starts blank. */}
      {open && <RejectForm onCancel={onClose} onReject={onReject} />}
    </Dialog>
  );
}

function RejectForm({ onCancel, onReject }: { onCancel: () => void; onReject: (rejection: Rejection) => Promise<boolean> }) {
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event?: SyntheticEvent) {
    event?.preventDefault();
    const parsed = rejectionSchema.safeParse({ reason, note: note.trim() || undefined });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a reason.");
      return;
    }
    setPending(true);
    if (!(await onReject(parsed.data))) setPending(false);
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      // Enter on a reason rejects, as it would in a text field: pick with the arrows, confirm with Enter.
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type === "radio") void submit(event);
      }}
      className="flex flex-col gap-3"
    >
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Reason</legend>
        <div className="flex flex-col gap-1">
          {(Object.entries(rejectReasons) as [RejectReason, string][]).map(([value, label], index) => (
            <label key={value} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <input type="radio" name="reject-reason" value={value} checked={reason === value} data-autofocus={index === 0 ? true : undefined} onChange={() => setReason(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Note {reason === "other" ? "(required)" : "(optional)"}
        <Textarea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
          placeholder="What should drafting learn from this?"
        />
      </label>
      <p role="alert" className="min-h-4 text-xs text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel <Kbd>Esc</Kbd>
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Rejecting…" : "Reject"} <Kbd>↵</Kbd>
        </Button>
      </div>
    </form>
  );
}
