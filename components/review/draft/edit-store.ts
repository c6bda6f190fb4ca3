"use client";

import { useCallback, useSyncExternalStore } from "react";
import { z } from "zod";

import type { NoteFields } from "@/lib/review/dto";

/** Where an edit started: the revision and draft version the reviewer was looking at. */
export type EditBase = { revisionId: string | null; version: number };
export type LocalEdit = { base: EditBase; fields: NoteFields };

const localEditSchema = z.object({
  base: z.object({ revisionId: z.string().nullable(), version: z.number().int() }),
  fields: z.object({ text: z.string(), classification: z.string(), misleadingTags: z.array(z.string()), trustworthySources: z.boolean() }),
});

/**
 * Unsaved edits, one per draft, mirrored to sessionStorage so a reload (or a crash) never loses
 * typing. Parsed values are cached so useSyncExternalStore sees a stable snapshot.
 */
const cache = new Map<string, LocalEdit | null>();
const listeners = new Set<() => void>();
const keyOf = (draftId: string) => `notedesk:edit:${draftId}`;

function read(draftId: string): LocalEdit | null {
  if (!cache.has(draftId)) {
    let stored: LocalEdit | null = null;
    try {
      const raw = sessionStorage.getItem(keyOf(draftId));
      stored = raw ? (localEditSchema.safeParse(JSON.parse(raw)).data ?? null) : null;
    } catch {
      // Storage blocked or a hand-edited value: start from the server's version.
    }
    cache.set(draftId, stored);
  }
  return cache.get(draftId) ?? null;
}

function write(draftId: string, edit: LocalEdit | null): void {
  cache.set(draftId, edit);
  try {
    if (edit) sessionStorage.setItem(keyOf(draftId), JSON.stringify(edit));
    else sessionStorage.removeItem(keyOf(draftId));
  } catch {
    // Full or blocked storage: the edit still lives in memory for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The draft's unsaved edit (null when none) and a setter; null clears it. */
export function useLocalEdit(draftId: string): [LocalEdit | null, (edit: LocalEdit | null) => void] {
  const edit = useSyncExternalStore(
    subscribe,
    () => read(draftId),
    () => null,
  );
  const set = useCallback((next: LocalEdit | null) => write(draftId, next), [draftId]);
  return [edit, set];
}
