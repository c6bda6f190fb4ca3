import Link from "next/link";

import { chartRanges, notesHref, type NotesQuery } from "@/lib/notes/filters";

const labels = { "30d": "30 days", "90d": "90 days", "1y": "1 year", all: "all time" } as const;

export function RangeLinks({ query, path }: { query: NotesQuery; path: string }) {
  return (
    <nav aria-label="Time range" className="flex gap-1 text-xs">
      {chartRanges.map((range) => (
        <Link
          key={range}
          href={notesHref(query, { range }, path)}
          aria-current={range === query.range ? "true" : undefined}
          scroll={false}
          className={`rounded px-2 py-1 ${range === query.range ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
        >
          {labels[range]}
        </Link>
      ))}
    </nav>
  );
}
