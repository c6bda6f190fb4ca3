import { Card } from "@/components/ui/card";
import { Tabs } from "@/components/ui/tabs";
import type { DraftDetailDto } from "@/lib/review/dto";

import { AuditLog } from "./audit-log";
import { RevisionHistory } from "./revision-history";
import { SuggestionItem } from "./suggestion-item";

/** Everything that happened to the draft: revisions with their provenance, suggestions and answers, the audit trail. */
export function HistoryTabs({ detail, now }: { detail: DraftDetailDto; now: Date }) {
  const { revisions, suggestions, audit } = detail;
  return (
    <Card>
      <Tabs
        label="Draft history"
        tabs={[
          {
            id: "revisions",
            label: `Revisions (${revisions.length})`,
            content: <RevisionHistory revisions={revisions} suggestions={suggestions} currentId={detail.current?.id ?? null} now={now} />,
          },
          {
            id: "suggestions",
            label: `Suggestions (${suggestions.length})`,
            content:
              suggestions.length === 0 ? (
                <p className="text-sm text-zinc-500">No suggestions yet.</p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {suggestions.map((suggestion) => (
                    <SuggestionItem key={suggestion.id} suggestion={suggestion} />
                  ))}
                </ul>
              ),
          },
          { id: "audit", label: `Audit (${audit.length})`, content: <AuditLog events={audit} /> },
        ]}
      />
    </Card>
  );
}
