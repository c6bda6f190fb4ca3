import { Badge } from "@/components/ui/badge";
import { Kbd } from "@/components/ui/kbd";
import type { ComparedNote } from "@/lib/variants/dto";

/** One side of the blind comparison: the note's content under a letter, nothing about who wrote it. */
export function ComparedNoteCard({ side, note, chosen }: { side: "A" | "B"; note: ComparedNote; chosen: boolean }) {
  return (
    <section
      aria-label={`Draft ${side}`}
      data-testid={`draft-${side}`}
      className={`flex flex-col gap-3 rounded-lg border bg-white p-4 dark:bg-zinc-900 ${chosen ? "border-emerald-500 ring-2 ring-emerald-500/40" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <header className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Draft {side}</h2>
        <Kbd>{side === "A" ? "1" : "2"}</Kbd>
      </header>
      <p className="text-[15px] leading-relaxed break-words whitespace-pre-wrap">{note.text}</p>
      <div className="flex flex-wrap gap-1">
        <Badge tone={note.classification === "not_misleading" ? "good" : "warn"}>{note.classification.replaceAll("_", " ")}</Badge>
        {note.misleadingTags.map((tag) => (
          <Badge key={tag}>{tag.replaceAll("_", " ")}</Badge>
        ))}
      </div>
    </section>
  );
}
