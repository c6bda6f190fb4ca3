"use client";

import Form from "next/form";
import type { ChangeEvent, ReactNode } from "react";

import type { FilterOptionsDto } from "@/lib/notes/dto";
import { bucketFilters, noteOrigins, type NotesView } from "@/lib/notes/filters";
import { bucketLabel, originLabels, statusLabel } from "@/lib/notes/labels";

/**
 * The table's filters as a GET form: the URL holds them, so a view can be bookmarked or shared, and
 * it works before JavaScript loads. Changing a field submits at once; the cursor is left out, so
 * the table starts again at its first page.
 */
export function NotesFilters({ current, options, writers }: { current: NotesView; options: FilterOptionsDto; writers: { id: string; name: string }[] }) {
  const statuses = [...new Set([...options.statuses, ...(current.status && current.status !== "none" ? [current.status] : [])])];

  return (
    // Keyed by the filters, so Back and Forward show the fields of the page they land on.
    <Form key={JSON.stringify(current)} action="/notes" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter notes">
      <input type="hidden" name="range" value={current.range} />
      {writers.length > 1 && (
        <FilterSelect label="Writer" name="writer" value={current.writer ?? ""}>
          {writers.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </FilterSelect>
      )}
      <FilterSelect label="Mode" name="mode" value={current.mode}>
        <option value="all">all</option>
        <option value="test">test</option>
        <option value="production">production</option>
      </FilterSelect>
      <FilterSelect label="Status" name="status" value={current.status ?? ""}>
        <option value="">any</option>
        <option value="none">no status</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status).label}
          </option>
        ))}
      </FilterSelect>
      {evaluatorFilters.map(([name, label]) => (
        <FilterSelect key={name} label={label} name={name} value={current[name] ?? ""}>
          <option value="">any</option>
          {bucketFilters.map((bucket) => (
            <option key={bucket} value={bucket}>
              {bucket === "none" ? "not reported" : bucketLabel(bucket)}
            </option>
          ))}
        </FilterSelect>
      ))}
      <FilterSelect label="Draft" name="origin" value={current.origin ?? ""}>
        <option value="">any</option>
        {noteOrigins.map((origin) => (
          <option key={origin} value={origin}>
            {originLabels[origin]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Approved by" name="approver" value={current.approver ?? ""}>
        <option value="">anyone</option>
        {options.approvers.map((approver) => (
          <option key={approver.id} value={approver.id}>
            {approver.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Sort by" name="sort" value={current.sort}>
        <option value="first_seen">first seen</option>
        <option value="last_changed">last changed</option>
      </FilterSelect>
      <FilterSelect label="Order" name="dir" value={current.dir}>
        <option value="desc">newest first</option>
        <option value="asc">oldest first</option>
      </FilterSelect>
      <noscript>
        <button type="submit" className="rounded-md border px-3 py-1.5">
          Apply
        </button>
      </noscript>
    </Form>
  );
}

const evaluatorFilters = [
  ["co", "ClaimOpinion"],
  ["uv", "UrlValidity"],
  ["ha", "HarassmentAbuse"],
] as const;

type FilterSelectProps = { label: string; name: string; value: string; children: ReactNode };

/** A select that applies itself: choosing an option submits the form. */
function FilterSelect({ label, name, value, children }: FilterSelectProps) {
  const id = `notes-filter-${name}`;
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-500">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit()} className="input">
        {children}
      </select>
    </div>
  );
}
