import Link from "next/link";

import type { NotesPageDto } from "@/lib/notes/dto";
import { notesHref, type NotesQuery } from "@/lib/notes/filters";

const linkClass = "rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Keyset paging: previous and next pages hang off the first and last row shown, so pages never shift. */
export function NotesPager({ query, page }: { query: NotesQuery; page: NotesPageDto }) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      <span className="text-zinc-500">
        {page.total.toLocaleString("en")} note{page.total === 1 ? "" : "s"}
      </span>
      <span className="flex gap-2">
        {page.previousCursor && (
          <Link className={linkClass} href={notesHref(query, { before: page.previousCursor })}>
            ← Previous
          </Link>
        )}
        {(page.previousCursor || query.after || query.before) && (
          <Link className={linkClass} href={notesHref(query, {})}>
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link className={linkClass} href={notesHref(query, { after: page.nextCursor })}>
            Next →
          </Link>
        )}
      </span>
    </nav>
  );
}
