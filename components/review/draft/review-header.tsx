import Link from "next/link";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { Kbd } from "@/components/ui/kbd";
import type { DraftState } from "@/lib/db/enums";

import { ShortcutsHelp } from "../keyboard/shortcuts-help";
import { stateLabels, stateTones } from "../labels";

/** Where you are: back to the list, this draft's state and feed, and previous/next in the list. */
export function ReviewHeader({
  title,
  backHref,
  state,
  mode,
  writerName,
  previousHref,
  nextHref,
}: {
  title: string;
  backHref: string;
  state: DraftState;
  mode: "test" | "production";
  writerName: string;
  previousHref: string | null;
  nextHref: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href={backHref} className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800">
        ← Queue
      </Link>
      <h1 className="text-lg font-semibold">{title}</h1>
      <Badge tone={stateTones[state]}>{stateLabels[state]}</Badge>
      <span
        data-testid="mode-badge"
        title={`Writer: ${writerName}`}
        className={`rounded px-2 py-0.5 text-xs font-bold tracking-wide ${mode === "production" ? "bg-red-600 text-white" : "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100"}`}
      >
        {mode === "production" ? "PRODUCTION" : "TEST MODE"}
      </span>
      <div className="ml-auto flex items-center gap-1">
        <NeighborLink href={previousHref} label="Previous draft">
          ← Previous <Kbd>k</Kbd>
        </NeighborLink>
        <NeighborLink href={nextHref} label="Next draft">
          Next → <Kbd>j</Kbd>
        </NeighborLink>
        <ShortcutsHelp />
      </div>
    </div>
  );
}

/**
 * Prefetched as Next.js does by default: the layouts and the loading skeleton, not the draft itself.
 * A fully prefetched draft would be reused for minutes, and a draft changes under a reviewer's feet.
 */
function NeighborLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  const style = "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium";
  if (!href) {
    return (
      <span aria-disabled="true" aria-label={`${label}: none`} className={`${style} opacity-40`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} aria-label={label} className={`${style} hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800`}>
      {children}
    </Link>
  );
}
