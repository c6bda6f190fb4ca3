import { Badge } from "@/components/ui/badge";
import type { TriageBadgeDto } from "@/lib/triage/types";

/** The verdict at a glance: in with its checkability, or triaged out; a reviewer's overturn is marked. */
export function TriageBadge({ triage }: { triage: TriageBadgeDto }) {
  const percent = Math.round(triage.checkability * 100);
  const overturned = triage.overturned ? " · overturned" : "";
  return triage.verdict === "in" ? (
    <Badge tone="good">
      Checkable {percent}%{overturned}
    </Badge>
  ) : (
    <Badge tone="neutral">
      Triaged out{overturned}
    </Badge>
  );
}
