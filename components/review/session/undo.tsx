"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from "react";

import { useToast } from "@/components/ui/toast";

import { useShortcuts } from "../keyboard/use-shortcuts";
import { useQueueActions } from "./queue-actions";

/** A decision this tab made that can still be taken back: the version it produced is what undo quotes. */
export type UndoEntry = { draftId: string; version: number; label: string; href: string };

type UndoApi = {
  /** Remembers the decision and offers "Undo" in a toast. */
  record(entry: UndoEntry): void;
  undoLast(): void;
};

const UndoContext = createContext<UndoApi | null>(null);

/** How many decisions `u` can walk back. */
const DEPTH = 20;

/**
 * The undo history of this tab's queue session. It outlives page changes (the queue's layout holds
 * it), so `u` on the next draft still takes back the decision on the previous one.
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const toast = useToast();
  const actions = useQueueActions();
  const history = useRef<UndoEntry[]>([]);

  const undo = useCallback(
    async (entry: UndoEntry) => {
      history.current = history.current.filter((e) => e !== entry);
      const result = await actions.undo({ draftId: entry.draftId, expectedVersion: entry.version });
      if (!result.ok) {
        toast.show(result.message, { tone: "error" });
        return;
      }
      toast.show(`Undone: ${entry.label.toLowerCase()}. The draft is back with you.`, { tone: "success" });
      router.push(entry.href);
    },
    [actions, router, toast],
  );

  const api = useMemo<UndoApi>(
    () => ({
      record(entry) {
        history.current = [...history.current.slice(-(DEPTH - 1)), entry];
        toast.show(entry.label, { action: { label: "Undo", run: () => void undo(entry) } });
      },
      undoLast() {
        const last = history.current.at(-1);
        if (last) void undo(last);
        else toast.show("Nothing to undo in this session.");
      },
    }),
    [toast, undo],
  );

  useShortcuts({ u: () => api.undoLast() });
  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>;
}

export function useUndo(): UndoApi {
  const api = useContext(UndoContext);
  if (!api) throw new Error("useUndo needs <UndoProvider>");
  return api;
}
