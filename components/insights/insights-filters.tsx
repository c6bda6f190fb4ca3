"use client";

import { Field } from "@/components/ui/field";
import { applyOnChange as apply, FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";

const modes = [
  { value: "all", label: "test and production" },
  { value: "test", label: "test" },
  { value: "production", label: "production" },
];
const ranges = [
  { value: "30d", label: "last 30 days" },
  { value: "90d", label: "last 90 days" },
  { value: "1y", label: "last year" },
  { value: "all", label: "all time" },
];

type Current = { writer: string; mode: string; range: string };

/**
 * Writer, mode and period as a GET form: the URL holds them, so a view can be shared, and it works
 * before JavaScript loads. Changing one applies it; an open drill-down closes.
 */
export function InsightsFilters({ current, writers }: { current: Current; writers: { id: string; name: string }[] }) {
  return (
    <FilterForm action="/insights" label="Choose what the insights cover" current={current}>
      {writers.length > 1 && (
        <Field id="insights-writer" label="Writer">
          <Select id="insights-writer" name="writer" defaultValue={current.writer} onChange={apply} options={writers.map((w) => ({ value: w.id, label: w.name }))} />
        </Field>
      )}
      <Field id="insights-mode" label="Mode">
        <Select id="insights-mode" name="mode" defaultValue={current.mode} onChange={apply} options={modes} />
      </Field>
      <Field id="insights-range" label="Period">
        <Select id="insights-range" name="range" defaultValue={current.range} onChange={apply} options={ranges} />
      </Field>
    </FilterForm>
  );
}
