import { Badge } from "@/components/ui/badge";
import type { TriageDto } from "@/lib/triage/types";

/** The verdict at a glance: in with its checkability, or triaged out; a reviewer's overturn is marked. */
export function TriageBadge({ triage }: { triage: Pick<TriageDto, "verdict" | "checkability" | "overturn"> }) {
  const percent = Math.round(triage.checkability * 100);
  const overturned = triage.overturn ? " · overturned" : "";
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
