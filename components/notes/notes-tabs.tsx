import Link from "next/link";

import { notesHref, parseNotesQuery, type NotesQuery } from "@/lib/notes/filters";

/** The two views of the notes area; the writer and chart range carry over, the table's filters do not. */
export function NotesTabs({ query, active }: { query: NotesQuery; active: "notes" | "reviewers" }) {
  const href = (path: string) => notesHref(parseNotesQuery({}), { writer: query.writer, range: query.range }, path);
  const tabs = [
    { id: "notes", label: "Notes", href: href("/notes") },
    { id: "reviewers", label: "Reviewers", href: href("/notes/reviewers") },
  ] as const;
  return (
    <nav aria-label="Notes views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab.id === active ? "border-zinc-900 font-medium dark:border-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
