"use client";

import { Field } from "@/components/ui/field";
import { applyOnChange as apply, FilterForm } from "@/components/ui/filter-form";
import { Select, type SelectOption } from "@/components/ui/select";
import type { FilterOptionsDto } from "@/lib/notes/dto";
import { bucketFilters, noteOrigins, type NotesView } from "@/lib/notes/filters";
import { bucketLabel, originLabels, statusLabel } from "@/lib/notes/labels";

const modes: SelectOption[] = [
  { value: "all", label: "all" },
  { value: "test", label: "test" },
  { value: "production", label: "production" },
];
const buckets: SelectOption[] = [{ value: "", label: "any" }, ...bucketFilters.map((bucket) => ({ value: bucket, label: bucket === "none" ? "not reported" : bucketLabel(bucket) }))];
const origins: SelectOption[] = [{ value: "", label: "any" }, ...noteOrigins.map((origin) => ({ value: origin, label: originLabels[origin] }))];
const sorts: SelectOption[] = [
  { value: "first_seen", label: "first seen" },
  { value: "last_changed", label: "last changed" },
];
const directions: SelectOption[] = [
  { value: "desc", label: "newest first" },
  { value: "asc", label: "oldest first" },
];
const evaluatorFilters = [
  ["co", "ClaimOpinion"],
  ["uv", "UrlValidity"],
  ["ha", "HarassmentAbuse"],
] as const;

/**
 * The table's filters as a GET form: the URL holds them, so a view can be bookmarked or shared, and
 * it works before JavaScript loads. Changing a field submits at once; the cursor is left out, so
 * the table starts again at its first page.
 */
export function NotesFilters({ current, options, writers }: { current: NotesView; options: FilterOptionsDto; writers: { id: string; name: string }[] }) {
  const statuses = [...new Set([...options.statuses, ...(current.status && current.status !== "none" ? [current.status] : [])])];
  const filter = (name: string, label: string, value: string, choices: readonly SelectOption[]) => {
    const id = `notes-filter-${name}`;
    return (
      <Field key={name} id={id} label={label}>
        <Select id={id} name={name} defaultValue={value} onChange={apply} options={choices} />
      </Field>
    );
  };

  return (
    <FilterForm action="/notes" label="Filter notes" current={current}>
      <input type="hidden" name="range" value={current.range} />
      {writers.length > 1 &&
        filter(
          "writer",
          "Writer",
          current.writer ?? "",
          writers.map((w) => ({ value: w.id, label: w.name })),
        )}
      {filter("mode", "Mode", current.mode, modes)}
      {filter("status", "Status", current.status ?? "", [
        { value: "", label: "any" },
        { value: "none", label: "no status" },
        ...statuses.map((status) => ({ value: status, label: statusLabel(status).label })),
      ])}
      {evaluatorFilters.map(([name, label]) => filter(name, label, current[name] ?? "", buckets))}
      {filter("origin", "Draft", current.origin ?? "", origins)}
      {filter("approver", "Approved by", current.approver ?? "", [{ value: "", label: "anyone" }, ...options.approvers.map((a) => ({ value: a.id, label: a.name }))])}
      {filter("sort", "Sort by", current.sort, sorts)}
      {filter("dir", "Order", current.dir, directions)}
    </FilterForm>
  );
}
