import { wordDiff } from "@/lib/review/diff";

/** A word-level diff read as one text: removed words struck through in red, added ones in green. */
export function WordDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const parts = wordDiff(before, after);
  if (parts.every((part) => part.kind === "same")) return <p className="text-sm text-zinc-500">No changes.</p>;
  return (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap" data-testid={testId}>
      {parts.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={index} className="rounded-sm bg-red-100 text-red-900 decoration-red-700/60 dark:bg-red-950 dark:text-red-200">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </p>
  );
}
