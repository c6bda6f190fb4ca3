import { Badge } from "@/components/ui/badge";
import { NOTE_MAX_LENGTH } from "@/lib/note-text";

import type { StoredChecks } from "./checks";

/** The checks drafting ran on the AI's note: length, links, rule issues, duplicates, X's evaluator score. */
export function LocalChecks({ checks }: { checks: StoredChecks }) {
  const length = typeof checks.length === "number" ? { count: checks.length, limit: NOTE_MAX_LENGTH } : checks.length;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold text-zinc-500">Checks on the AI draft</h3>
      <div className="flex flex-wrap gap-1.5">
        {length && <Badge tone={length.count > length.limit ? "bad" : "good"}>{`${length.count}/${length.limit} characters`}</Badge>}
        {checks.urls && <Badge tone={checks.urls.length > 0 ? "good" : "bad"}>{checks.urls.length === 1 ? "1 link" : `${checks.urls.length} links`}</Badge>}
        {checks.duplicate ? (
          <Badge tone="warn">{`${Math.round(checks.duplicate.similarity * 100)}% like an existing note`}</Badge>
        ) : (
          checks.duplicate === null && <Badge tone="good">not a duplicate</Badge>
        )}
        {checks.evaluateScore != null && <Badge tone={checks.evaluateScore < 0 ? "warn" : "good"}>{`evaluate_note ${checks.evaluateScore}`}</Badge>}
      </div>
      {checks.issues.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1 text-xs">
          {checks.issues.map((issue) => (
            <li key={`${issue.code}-${issue.message}`} className={issue.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-300"}>
              {issue.severity === "error" ? "✕" : "!"} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
