import { NOTE_MAX_LENGTH, noteLength } from "@/lib/note-text";

/**
 * Counts as X does (each link is 1, see lib/note-text), the same function the server checks with.
 * It never cuts the text: over the limit it says by how much.
 */
export function LengthCounter({ id, text }: { id: string; text: string }) {
  const length = noteLength(text);
  const remaining = NOTE_MAX_LENGTH - length;
  const tone = remaining < 0 ? "text-red-700 dark:text-red-400 font-semibold" : remaining <= 20 ? "text-amber-700 dark:text-amber-300" : "text-zinc-500";
  return (
    <p id={id} className={`text-xs tabular-nums ${tone}`} aria-live="polite" data-testid="length-counter">
      {length}/{NOTE_MAX_LENGTH} · {remaining < 0 ? `${-remaining} over the limit` : `${remaining} left`}
      <span className="sr-only"> (each link counts as one character)</span>
    </p>
  );
}
