import type { RunError } from "./store";

/** Failure reasons kept on a run for the Runs page; the rest are on the items themselves. */
export const MAX_RUN_ERRORS = 50;

/** A run's error list, capped at MAX_RUN_ERRORS so a run failing every item keeps a readable record. */
export function runErrorLog(): { errors: RunError[]; note(message: string): void } {
  const errors: RunError[] = [];
  return {
    errors,
    note(message) {
      if (errors.length < MAX_RUN_ERRORS) errors.push({ at: new Date().toISOString(), message });
    },
  };
}
