import type { QueueFilters } from "@/lib/review/queue-filters";
import { defaultQueueFilters } from "@/lib/review/queue-filter-values";

/**
 * The queue's state lives in the URL: filters, sort and page. Only values that differ from the
 * defaults are written, so the plain queue is plain /queue and a link can be shared as it is.
 */
function queueSearch(filters: QueueFilters, overrides: Partial<QueueFilters> = {}): string {
  const merged: QueueFilters = { ...filters, ...overrides };
  const defaults = defaultQueueFilters();
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof QueueFilters)[]) {
    const value = merged[key];
    if (value !== undefined && value !== defaults[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function queueHref(filters: QueueFilters, overrides: Partial<QueueFilters> = {}): string {
  return `/queue${queueSearch(filters, overrides)}`;
}

/** A draft opened from the queue keeps the queue's filters (not its page), so next/previous follow that list. */
export function draftHref(draftId: string, filters: QueueFilters): string {
  return `/queue/${encodeURIComponent(draftId)}${queueSearch(filters, { cursor: undefined })}`;
}
