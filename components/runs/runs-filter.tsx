"use client";

import { Field } from "@/components/ui/field";
import { applyOnChange as apply, FilterForm } from "@/components/ui/filter-form";
import { Select, type SelectOption } from "@/components/ui/select";
import { runKinds, type RunsFilter } from "@/lib/runs/kinds";

import { runKindLabels } from "./format";

const kinds: SelectOption[] = [{ value: "", label: "all kinds" }, ...runKinds.map((kind) => ({ value: kind, label: runKindLabels[kind] }))];

/**
 * Which runs the list shows, as a GET form: the URL holds the filter, so a view can be bookmarked and
 * works before JavaScript loads. Choosing an option applies it at once.
 */
export function RunsFilterBar({ current, writers }: { current: RunsFilter; writers: { id: string; name: string }[] }) {
  return (
    <FilterForm action="/runs" label="Filter runs" current={current}>
      <Field id="runs-filter-kind" label="Kind">
        <Select id="runs-filter-kind" name="kind" defaultValue={current.kind ?? ""} onChange={apply} options={kinds} />
      </Field>
      {writers.length > 1 && (
        <Field id="runs-filter-writer" label="Writer">
          <Select
            id="runs-filter-writer"
            name="writer"
            defaultValue={current.writer ?? ""}
            onChange={apply}
            options={[{ value: "", label: "all writers" }, ...writers.map((w) => ({ value: w.id, label: w.name }))]}
          />
        </Field>
      )}
    </FilterForm>
  );
}
