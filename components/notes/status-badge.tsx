import { Badge } from "@/components/ui/badge";
import { statusLabel } from "@/lib/notes/labels";

/** A status in short (CRH, NMR…) with its full name on hover; unknown statuses as X sent them. */
export function StatusBadge({ status }: { status: string | null }) {
  const { label, short, tone } = statusLabel(status);
  return (
    <span title={label}>
      <Badge tone={tone}>{short}</Badge>
    </span>
  );
}
