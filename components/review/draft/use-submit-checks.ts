"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";

import type { ActionErrorCode } from "@/lib/auth/action-result";
import { blockedLine, type GateChecklist } from "@/lib/gates/dto";
import type { SubmissionPreview } from "@/lib/submission/dto";

import { useQueueActions } from "../session/queue-actions";

/** The note as saved: what approval would freeze now. Every check is keyed by it. */
export type SavedNote = { draftId: string; revisionId: string | null; version: number };

export type SubmitChecks = {
  preview: SubmissionPreview | undefined;
  checklist: GateChecklist | undefined;
  /** Why it can't be sent, in a few words, or null when it can. */
  blocked: string | null;
  /** The draft moved on since this page loaded (the server's words): nothing here describes what approval would send. */
  changed: string | null;
  /** Failed to load either: the message to show. */
  error: string | null;
  loading: boolean;
  /** An admin's override came back with the checklist as it now stands. */
  replaceChecklist: (checklist: GateChecklist) => void;
  /** The server refused the send on a check: drop the request and checklist on screen and ask again, so they show why. */
  recheck: () => void;
};

class ActionFailure extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const unwrap = async <T,>(result: Promise<{ ok: true; data: T } | { ok: false; code: ActionErrorCode; message: string }>): Promise<T> => {
  const answer = await result;
  if (!answer.ok) throw new ActionFailure(answer.code, answer.message);
  return answer.data;
};

/**
 * What the confirm dialog needs before the button may be pressed: the exact request (preview) and
 * the submit checklist (gates), fetched side by side. The request is the one for the version this
 * page shows, the only one approval accepts: when the draft has changed since, the server refuses
 * it (conflict) and `changed` says so instead. The server checks both again when sending.
 */
export function useSubmitChecks(note: SavedNote, enabled: boolean): SubmitChecks {
  const actions = useQueueActions();
  const queryClient = useQueryClient();
  const key = [note.draftId, note.revisionId, note.version] as const;
  const common = { enabled, retry: false, staleTime: 0 } as const;
  const preview = useQuery({
    ...common,
    queryKey: ["submission-preview", ...key],
    queryFn: () => unwrap(actions.preview({ draftId: note.draftId, expectedVersion: note.version })),
  });
  const gates = useQuery({ ...common, queryKey: ["submit-gates", ...key], queryFn: () => unwrap(actions.evaluateGates({ draftId: note.draftId })) });

  const changed = preview.error instanceof ActionFailure && preview.error.code === "conflict" ? preview.error.message : null;
  const checklist = gates.data;
  const blocked = changed
    ? "The draft changed since this page loaded"
    : !checklist
      ? "Checking…"
      : (blockedLine(checklist) ??
        (preview.data && checklist.mode !== preview.data.mode ? "The checks and the request disagree on the mode: reopen this dialog" : null));
  return {
    preview: changed ? undefined : preview.data,
    checklist,
    blocked,
    changed,
    error: changed ? null : (preview.error?.message ?? gates.error?.message ?? null),
    loading: preview.isPending || gates.isPending,
    replaceChecklist: (updated) => queryClient.setQueryData(["submit-gates", ...key], updated),
    recheck: () => {
      void queryClient.resetQueries({ queryKey: ["submission-preview", ...key] });
      void queryClient.resetQueries({ queryKey: ["submit-gates", ...key] });
    },
  };
}
