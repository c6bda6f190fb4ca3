"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import type { QueueRowDto } from "@/lib/review/dto";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { useShortcuts } from "../keyboard/use-shortcuts";
import { draftHref } from "../queue-url";
import { QueueRow } from "./queue-row";

/**
 * The page of drafts. j/k (or the arrows) move focus between rows; Enter opens the focused one, as
 * any link does. The focused row's page is prefetched, so opening it is instant.
 */
export function QueueList({ rows, filters, now, viewerId }: { rows: QueueRowDto[]; filters: QueueFilters; now: Date; viewerId: string }) {
  const router = useRouter();
  const list = useRef<HTMLUListElement>(null);

  const move = (step: number) => {
    const links = Array.from(list.current?.querySelectorAll<HTMLAnchorElement>("a[data-testid=queue-row]") ?? []);
    const current = links.findIndex((link) => link === document.activeElement);
    const next = current === -1 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
    links[next]?.focus();
    links[next]?.scrollIntoView({ block: "nearest" });
  };

  useShortcuts({ j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1) });

  return (
    <ul ref={list} className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Drafts">
      {rows.map((row) => {
        const href = draftHref(row.id, filters);
        return (
          <li key={row.id}>
            <QueueRow row={row} href={href} now={now} viewerId={viewerId} onFocus={() => router.prefetch(href)} />
          </li>
        );
      })}
    </ul>
  );
}
