import { Badge } from "@/components/ui/badge";
import type { RevisionDto, SuggestionDto } from "@/lib/review/dto";

import { formatAge, formatDateTime } from "../format";
import { classificationLabel, tagLabel } from "../labels";
import { SuggestionItem } from "./suggestion-item";
import { WordDiff } from "./word-diff";

/**
 * Every revision, newest first: who made it (a person, or which model and prompt), what it changed
 * from the one before, and the suggestions it answered.
 */
export function RevisionHistory({ revisions, suggestions, currentId, now }: { revisions: RevisionDto[]; suggestions: SuggestionDto[]; currentId: string | null; now: Date }) {
  if (revisions.length === 0) return <p className="text-sm text-zinc-500">No revisions yet.</p>;
  const byId = new Map(revisions.map((r) => [r.id, r]));
  return (
    <ol className="flex flex-col gap-3" aria-label="Revisions, newest first">
      {[...revisions].reverse().map((revision) => {
        const parent = revision.parentId ? byId.get(revision.parentId) : undefined;
        const answered = suggestions.filter((s) => s.revisionId === revision.id);
        return (
          <li key={revision.id} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-700" data-testid="revision">
            <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
              <span className="font-semibold text-zinc-800 dark:text-zinc-200">Revision {revision.number}</span>
              <Badge tone={revision.authorKind === "ai" ? "info" : "neutral"}>{revision.authorKind === "ai" ? "AI" : (revision.author?.name ?? "person")}</Badge>
              {revision.ai && <span>{[revision.ai.provider, revision.ai.model, revision.ai.promptVersion && `prompt ${revision.ai.promptVersion}`].filter(Boolean).join(" · ")}</span>}
              {revision.ai?.storyAssessment && <span>{revision.ai.storyAssessment.toLowerCase().replaceAll("_", " ")}</span>}
              <time dateTime={revision.createdAt.toISOString()} title={formatDateTime(revision.createdAt)}>
                {formatAge(revision.createdAt, now)} ago
              </time>
              {revision.id === currentId && <Badge tone="good">current</Badge>}
            </div>
            <p className="mt-1 break-words whitespace-pre-wrap">{revision.text}</p>
            {parent && parent.text !== revision.text && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-zinc-500">What changed from revision {parent.number}</summary>
                <WordDiff before={parent.text} after={revision.text} />
              </details>
            )}
            <p className="mt-1 text-xs text-zinc-500">
              {classificationLabel(revision.classification)}
              {revision.misleadingTags.length > 0 && ` · ${revision.misleadingTags.map(tagLabel).join(", ")}`}
              {` · sources ${revision.trustworthySources ? "trustworthy" : "not trustworthy"}`}
            </p>
            {revision.ai?.rationale && revision.number > 1 && <p className="mt-1 text-xs">Why: {revision.ai.rationale}</p>}
            {answered.length > 0 && (
              <ul className="mt-2 flex flex-col gap-1.5" aria-label="Suggestions it answered">
                {answered.map((suggestion) => (
                  <SuggestionItem key={suggestion.id} suggestion={suggestion} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
