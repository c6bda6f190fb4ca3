"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";

import { Select, type SelectOption } from "@/components/ui/select";
import { classifications } from "@/lib/note-text/values";
import { mediaTypes } from "@/lib/posts/media-types";
import type { QueueFilters } from "@/lib/review/queue-filters";
import { aiDecisions, defaultQueueFilters } from "@/lib/review/queue-filter-values";

import { aiDecisionLabels, classificationLabels, mediaLabels } from "../labels";
import { queueHref } from "../queue-url";

const any: SelectOption = { value: "any", label: "Any" };

const selects = [
  { key: "aiDecision", label: "AI decision", options: [any, ...aiDecisions.map((value) => ({ value, label: aiDecisionLabels[value] }))] },
  { key: "classification", label: "Classification", options: [any, ...classifications.map((value) => ({ value, label: classificationLabels[value] }))] },
  { key: "mediaType", label: "Media", options: [any, ...mediaTypes.map((value) => ({ value, label: mediaLabels[value] }))] },
  {
    key: "noteRequests",
    label: "Note requests",
    options: [any, { value: "with", label: "With requests" }, { value: "without", label: "Without" }],
  },
  {
    key: "claim",
    label: "Claim",
    options: [any, { value: "mine", label: "Claimed by me" }, { value: "unclaimed", label: "Unclaimed" }, { value: "others", label: "Claimed by others" }],
  },
  {
    key: "sort",
    label: "Order",
    options: [{ value: "priority", label: "Priority" }, { value: "oldest", label: "Oldest first" }, { value: "newest", label: "Newest first" }],
  },
] as const satisfies readonly { key: keyof QueueFilters; label: string; options: readonly SelectOption[] }[];

/** Languages the demo feeds carry; any other code can still be typed. */
const knownLanguages = ["en", "es", "fr", "de", "pt", "ja"];

/**
 * Every change navigates to the new URL (first page), so the filters are the URL and Back undoes
 * them. Without JavaScript the form still submits as a plain GET.
 */
export function QueueFilterBar({ filters }: { filters: QueueFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const apply = (patch: Partial<QueueFilters>) =>
    startTransition(() => router.push(queueHref(filters, { ...patch, cursor: undefined } as Partial<QueueFilters>)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lang = new FormData(event.currentTarget).get("lang");
    apply({ lang: typeof lang === "string" && lang.trim() ? lang.trim().toLowerCase() : undefined });
  };

  // The state is a tab, not a filter: "Clear filters" keeps it.
  const filtered = queueHref(filters, { state: "ready", cursor: undefined }) !== "/queue";
  return (
    <form action="/queue" method="get" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <input type="hidden" name="state" value={filters.state} />
      {selects.map(({ key, label, options }) => (
        <label key={key} className="flex flex-col gap-1 text-xs font-medium text-zinc-500">
          {label}
          <Select name={key} options={options} value={filters[key]} onChange={(event) => apply({ [key]: event.target.value })} className="text-zinc-900 dark:text-zinc-100" />
        </label>
      ))}
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-500">
        Language
        <input
          name="lang"
          list="queue-languages"
          defaultValue={filters.lang ?? ""}
          key={filters.lang ?? ""}
          placeholder="any"
          size={6}
          onBlur={(event) => {
            const lang = event.target.value.trim().toLowerCase() || undefined;
            if (lang !== filters.lang) apply({ lang });
          }}
          className="input text-zinc-900 dark:text-zinc-100"
        />
        <datalist id="queue-languages">
          {knownLanguages.map((lang) => (
            <option key={lang} value={lang} />
          ))}
        </datalist>
      </label>
      <button type="submit" className="sr-only">
        Apply filters
      </button>
      {filtered && (
        <button type="button" onClick={() => startTransition(() => router.push(queueHref(defaultQueueFilters(), { state: filters.state })))} className="pb-2 text-sm underline">
          Clear filters
        </button>
      )}
      {pending && <span className="pb-2 text-xs text-zinc-500" role="status">Updating…</span>}
    </form>
  );
}
