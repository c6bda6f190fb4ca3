import type { StoredEvaluatorResult } from "@/lib/notes/evaluators";
import { historicalEvaluatorNotes } from "@/lib/notes/labels";

import { BucketBadge } from "./bucket-badge";

/** Every evaluator result X sent, current buckets and historical scores alike. */
export function EvaluatorResults({ results }: { results: StoredEvaluatorResult[] }) {
  if (results.length === 0) return <p className="text-sm text-zinc-500">X has sent no evaluator results for this note.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
      {results.map((result) => (
        <div key={result.type} className="contents">
          <dt className="font-medium">{result.type}</dt>
          <dd>
            {result.bucket !== null ? <BucketBadge bucket={result.bucket} /> : <span className="tabular-nums">{result.score ?? "—"}</span>}
            {result.score !== null && <span className="ml-2 text-xs text-zinc-500">{historicalEvaluatorNotes[result.type] ?? "a score"}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
