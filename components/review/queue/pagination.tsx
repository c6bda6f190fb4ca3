import Link from "next/link";

import type { QueueFilters } from "@/lib/review/queue-filters";

import { queueHref } from "../queue-url";

/**
 * Keyset pages only go forward (the cursor is the last row shown); "First page" starts over. That
 * is what keeps page 4,000 as fast as page 1.
 */
export function Pagination({ filters, nextCursor }: { filters: QueueFilters; nextCursor: string | null }) {
  if (!filters.cursor && !nextCursor) return null;
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {filters.cursor ? (
        <Link href={queueHref(filters, { cursor: undefined })} className={link}>
          ← First page
        </Link>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Link href={queueHref(filters, { cursor: nextCursor })} className={link}>
          Next page →
        </Link>
      )}
    </nav>
  );
}
