"use client";

import Form from "next/form";
import type { ChangeEvent } from "react";

import { Field } from "@/components/ui/field";
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
    // Keyed by the filter, so Back and Forward show the fields of the page they land on.
    <Form key={JSON.stringify(current)} action="/runs" className="flex flex-wrap items-end gap-3" aria-label="Filter runs">
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
      <noscript>
        <button type="submit" className="rounded-md border px-3 py-1.5 text-sm">
          Apply
        </button>
      </noscript>
    </Form>
  );
}

/** Choosing an option submits the form. */
const apply = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
