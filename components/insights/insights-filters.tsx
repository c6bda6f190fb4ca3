"use client";

import Form from "next/form";
import type { ChangeEvent } from "react";

import { Field } from "@/components/ui/field";
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
  const apply = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  return (
    <Form key={JSON.stringify(current)} action="/insights" className="flex flex-wrap items-end gap-3" aria-label="Choose what the insights cover">
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
      <noscript>
        <button type="submit" className="rounded-md border px-3 py-1.5 text-sm">
          Apply
        </button>
      </noscript>
    </Form>
  );
}
