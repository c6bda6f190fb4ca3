import type { AuditEventDto } from "@/lib/audit/list";

import { formatIso } from "./format";

/** What happened to the draft and its submission, oldest first ("draft.approve" reads "approve"). */
export function DraftEvents({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">No recorded history.</p>;
  return (
    <ol className="flex flex-col gap-1 text-sm" data-testid="draft-events">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap gap-2">
          <span className="text-xs whitespace-nowrap text-zinc-500">{formatIso(event.at.toISOString())}</span>
          <span className="font-medium">{event.action.replace(/^(draft|submission)\./, "$1 ")}</span>
          <span className="text-zinc-500">{event.actor?.name ?? "system"}</span>
        </li>
      ))}
    </ol>
  );
}
