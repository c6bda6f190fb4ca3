import type { QueueFilters } from "./queue-filters";

/**
 * The queue filters' choices and defaults as plain values, for client components (filter bar, labels,
 * links) that must not pull in the schema library queue-filters.ts parses URLs with.
 */

/** What the AI concluded about a post (Draft.aiDecision). */
export const aiDecisions = ["write_note", "no_note_needed", "not_enough_evidence"] as const;
export const claimFilters = ["any", "mine", "unclaimed", "others"] as const;
export const noteRequestFilters = ["any", "with", "without"] as const;
/** priority: triage priority now, highest first (the default); oldest or newest by when the draft became ready. */
export const queueSorts = ["priority", "oldest", "newest"] as const;
/** drafts: the drafts in a state; triaged_out: the posts triage put out, with their reasons. */
export const queueViews = ["drafts", "triaged_out"] as const;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export function defaultQueueFilters(): QueueFilters {
  return {
    state: "ready",
    writer: undefined,
    aiDecision: "any",
    classification: "any",
    lang: undefined,
    mediaType: "any",
    noteRequests: "any",
    claim: "any",
    sort: "priority",
    view: "drafts",
    cursor: undefined,
    limit: DEFAULT_PAGE_SIZE,
  };
}
