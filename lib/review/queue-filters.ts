import { z } from "zod";

import { DraftState } from "@/lib/db/enums";
import { classifications } from "@/lib/note-text";
import { mediaTypes } from "@/lib/posts/post";

import { aiDecisions, claimFilters, DEFAULT_PAGE_SIZE, defaultQueueFilters, MAX_PAGE_SIZE, noteRequestFilters, queueSorts, queueViews } from "./queue-filter-values";

export { aiDecisions, claimFilters, DEFAULT_PAGE_SIZE, defaultQueueFilters, MAX_PAGE_SIZE, noteRequestFilters, queueSorts, queueViews };

/** A URL may repeat a key (?state=a&state=b): the first one wins. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

function choice<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess(first, z.enum(values).catch(fallback));
}

const optionalText = (pattern: RegExp) =>
  z.preprocess(first, z.string().regex(pattern).optional().catch(undefined));

const draftStateValues = Object.values(DraftState) as [DraftState, ...DraftState[]];

/**
 * The queue's filters as the page's searchParams carry them. Anything unknown or malformed falls
 * back to its default: a hand-edited URL shows the plain queue, never an error page.
 */
export const queueFiltersSchema = z
  .object({
    state: choice(draftStateValues, "ready"),
    writer: optionalText(/^[A-Za-z0-9_-]{1,64}$/),
    aiDecision: choice(["any", ...aiDecisions], "any"),
    classification: choice(["any", ...classifications], "any"),
    lang: optionalText(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/),
    mediaType: choice(["any", ...mediaTypes], "any"),
    noteRequests: choice(noteRequestFilters, "any"),
    claim: choice(claimFilters, "any"),
    sort: choice(queueSorts, "priority"),
    view: choice(queueViews, "drafts"),
    cursor: optionalText(/^[A-Za-z0-9_-]{1,400}$/),
    limit: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).catch(DEFAULT_PAGE_SIZE)),
  })
  .catch(() => defaultQueueFilters());

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export function parseQueueFilters(input: unknown): QueueFilters {
  return queueFiltersSchema.parse(input ?? {});
}
