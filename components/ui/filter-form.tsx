"use client";

import Form from "next/form";
import type { ChangeEvent, ReactNode } from "react";

/**
 * A GET form of filters: the URL holds them, so a view can be bookmarked and works before JavaScript
 * loads (with an Apply button then). Selects given `applyOnChange` apply a choice at once.
 */
export function FilterForm({ action, label, current, children }: { action: string; label: string; current: unknown; children: ReactNode }) {
  return (
    // Keyed by the filter, so Back and Forward show the fields of the page they land on.
    <Form key={JSON.stringify(current)} action={action} className="flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <noscript>
        <button type="submit" className="rounded-md border px-3 py-1.5 text-sm">
          Apply
        </button>
      </noscript>
    </Form>
  );
}

/** Choosing an option submits its form. */
export const applyOnChange = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
