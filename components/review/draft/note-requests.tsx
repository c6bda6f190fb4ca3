import { Card } from "@/components/ui/card";
import type { DraftDetailDto } from "@/lib/review/dto";

import { SafeLink } from "./safe-link";

/** What readers asked for when they requested a note, and the sources they pointed at. */
export function NoteRequests({ post }: { post: Pick<DraftDetailDto["post"], "noteRequests" | "suggestedSources"> }) {
  const { noteRequests, suggestedSources } = post;
  if (noteRequests.length === 0 && suggestedSources.length === 0) return null;
  const sources = [...suggestedSources].sort((a, b) => b.count - a.count);
  return (
    <Card title={noteRequests.length > 0 ? `Note requests (${noteRequests.length})` : "Suggested sources"}>
      <div className="flex flex-col gap-3 text-sm">
        {noteRequests.length > 0 && (
          <ul className="flex flex-col gap-2">
            {noteRequests.map((request, index) => (
              <li key={request.suggestionId ?? index} className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
                <p className="break-words whitespace-pre-wrap">{request.suggestion}</p>
                {request.sourceLink && <SafeLink href={request.sourceLink} className="mt-1 block text-xs" />}
              </li>
            ))}
          </ul>
        )}
        {sources.length > 0 && (
          <div>
            {noteRequests.length > 0 && <h3 className="mb-1 text-xs font-semibold text-zinc-500">Suggested sources</h3>}
            <ul className="flex flex-col gap-1">
              {sources.map((source) => (
                <li key={source.url} className="flex items-baseline justify-between gap-3 text-xs">
                  <SafeLink href={source.url} />
                  <span className="shrink-0 tabular-nums text-zinc-500" title="How many requests suggested it">
                    ×{source.count}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}
