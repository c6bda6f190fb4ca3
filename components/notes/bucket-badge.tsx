import { Badge } from "@/components/ui/badge";
import { bucketLabel, bucketTone } from "@/lib/notes/labels";

export function BucketBadge({ bucket }: { bucket: string | null }) {
  if (bucket === null) return <span className="text-zinc-400" title="X sent no result for this evaluator">—</span>;
  return <Badge tone={bucketTone(bucket)}>{bucketLabel(bucket)}</Badge>;
}
