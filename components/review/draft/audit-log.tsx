import type { AuditEventDto } from "@/lib/audit/list";

import { formatDateTime } from "../format";

/** How audit actions read; unknown ones show as recorded, so a new action is never hidden. */
const actionLabels: Record<string, string> = {
  "draft.create": "draft created",
  "draft.start_drafting": "drafting started",
  "draft.draft": "AI drafted a note",
  "draft.abstain": "AI found no note needed",
  "draft.fail_drafting": "drafting failed",
  "draft.recover_drafting": "drafting recovered after a stop",
  "draft.release_drafting": "drafting handed back",
  "draft.claim": "claimed",
  "draft.claim_next": "claimed (next in queue)",
  "draft.release": "released",
  "draft.revise": "saved a revision",
  "draft.ai_revise": "AI revised the note",
  "draft.ai_revision_discard": "AI revision discarded",
  "draft.ai_revision_fail": "AI revision failed",
  "draft.ai_revision_not_applied": "AI revision not applied (newer human edit)",
  "draft.answer_suggestion": "AI answered a suggestion",
  "draft.reject": "rejected",
  "draft.skip": "skipped",
  "draft.approve": "approved",
  "draft.undoReject": "undid the rejection",
  "draft.undoSkip": "undid the skip",
  "draft.undoApprove": "withdrew the approval",
  "draft.reopenFailed": "reopened after X refused",
  "draft.reopenNoNote": "reopened to write a note",
  "draft.startSending": "sending started",
  "draft.blockSending": "sending blocked",
  "draft.confirmSubmitted": "submitted",
  "draft.failSubmission": "submission failed",
  "draft.loseTrack": "outcome unknown",
  "draft.reconcileFound": "reconciled: found on X",
  "draft.reconcileAbsent": "reconciled: not on X",
  "draft.rate": "rated the AI draft",
  "suggestion.add": "left a suggestion",
  "suggestion.answer": "AI answered a suggestion",
  "submission.create": "froze the request for X",
  "submission.reapprove": "froze a new request after X refused",
  "submission.withdraw": "approval withdrawn",
  "submission.claimSend": "called X",
  "submission.block": "blocked: request changed after approval",
  "submission.created": "X created the note",
  "submission.refused": "X refused the note",
  "submission.lostTrack": "lost X's answer",
  "submission.foundOnX": "reconciled: note found on X",
  "submission.absentOnX": "reconciled: no note on X",
};

/** The draft's and its submission's audit trail, oldest first, with what each event changed. */
export function AuditLog({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">No events yet.</p>;
  return (
    <ol className="flex flex-col text-sm" aria-label="Audit events, oldest first" data-testid="audit-log">
      {events.map((event) => (
        <li key={event.id} className="grid grid-cols-[9rem_1fr] gap-3 border-b border-zinc-100 py-1.5 last:border-0 dark:border-zinc-800">
          <time dateTime={event.at.toISOString()} className="text-xs text-zinc-500 tabular-nums">
            {formatDateTime(event.at)}
          </time>
          <div>
            <span className="font-medium">{event.actor?.name ?? "system"}</span> {actionLabels[event.action] ?? event.action}
            {summary(event) && <span className="ml-2 font-mono text-xs text-zinc-500">{summary(event)}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The facts worth a glance: state moves, versions, and reasons, as "ready → rejected v4 · reason: inaccurate". */
function summary(event: AuditEventDto): string {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const parts: string[] = [];
  if (before.state && after.state && before.state !== after.state) parts.push(`${before.state} → ${after.state}`);
  if (after.version !== undefined) parts.push(`v${String(after.version)}`);
  for (const key of ["reason", "note", "xNoteId", "mode", "disposition", "claimOpinionScore", "gatePass"]) {
    if (after[key] !== undefined && after[key] !== null) parts.push(`${key}: ${String(after[key])}`);
  }
  return parts.join(" · ");
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
