import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SuggestionDto } from "@/lib/review/dto";

const dispositions: Record<SuggestionDto["disposition"], { label: string; tone: BadgeTone }> = {
  pending: { label: "waiting", tone: "neutral" },
  yes: { label: "YES", tone: "good" },
  no: { label: "NO", tone: "bad" },
  partially: { label: "PARTIALLY", tone: "warn" },
};

/** A suggestion and how the AI answered it, with its reason. */
export function SuggestionItem({ suggestion }: { suggestion: SuggestionDto }) {
  const { label, tone } = dispositions[suggestion.disposition];
  return (
    <li className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-700" data-testid="suggestion">
      <div className="flex items-center justify-between gap-2 text-xs text-zinc-500">
        <span>{suggestion.author.name}</span>
        <Badge tone={tone}>{label}</Badge>
      </div>
      <p className="mt-1 break-words whitespace-pre-wrap">{suggestion.text}</p>
      {suggestion.dispositionReason && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">AI: {suggestion.dispositionReason}</p>}
    </li>
  );
}
