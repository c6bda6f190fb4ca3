"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { useToast } from "@/components/ui/toast";
import type { DraftDetailDto, NoteFields, RevisionDto } from "@/lib/review/dto";
import { hasErrors, validateNote } from "@/lib/note-text";

import { useQueueActions } from "../session/queue-actions";
import { useLocalEdit, type EditBase, type LocalEdit } from "./edit-store";
import { effectiveNote, noteFieldsOf, sameNote } from "./note-fields";

/** The newest saved state of the draft this page knows: from the server render or from a save's answer. */
type Known = { base: EditBase; fields: NoteFields; revision: RevisionDto | null };

export type SaveOutcome = "saved" | "unchanged" | "failed";

export type NoteEditor = ReturnType<typeof useNoteEditor>;

/**
 * The editor's state: the reviewer's unsaved edit (kept per draft in sessionStorage) over the newest
 * saved revision. A save quotes the revision and version the edit started from; if someone saved in
 * between, the edit stays as typed and `behind` shows theirs next to it until the reviewer chooses.
 */
export function useNoteEditor(detail: DraftDetailDto) {
  const draftId = detail.draft.id;
  const actions = useQueueActions();
  const router = useRouter();
  const toast = useToast();
  const [edit, setEdit] = useLocalEdit(draftId);
  const [observed, setObserved] = useState<Known | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const rendered: Known = { base: { revisionId: detail.current?.id ?? null, version: detail.draft.version }, fields: noteFieldsOf(detail.current), revision: detail.current };
  const known = observed && observed.base.version > rendered.base.version ? observed : rendered;
  const current: LocalEdit = edit ?? known;
  const dirty = !sameNote(current.fields, known.fields);
  /** The edit started from a revision that is no longer the newest: a save would meet a conflict. */
  const behind = dirty && current.base.revisionId !== known.base.revisionId;

  function setFields(fields: NoteFields) {
    setError(null);
    setEdit(sameNote(fields, known.fields) ? null : { base: current.base, fields });
  }

  /** `leaving`: the page is about to show another draft, so re-reading this one would be wasted. */
  async function saveEdit(attempt: LocalEdit, leaving = false): Promise<SaveOutcome> {
    const note = effectiveNote(attempt.fields);
    if (hasErrors(validateNote(note))) {
      setError("Fix the problems marked above, then save.");
      return "failed";
    }
    // Only the revision matters to an edit: a version bumped by a skip and its undo is not a conflict.
    const expectedVersion = attempt.base.revisionId === known.base.revisionId ? known.base.version : attempt.base.version;
    setSaving(true);
    setError(null);
    const result = await actions.saveRevision({ draftId, baseRevisionId: attempt.base.revisionId, expectedVersion, note });
    setSaving(false);
    if (!result.ok) {
      setError(result.message);
      return "failed";
    }
    if (result.data.kind === "conflict") {
      const { theirs, version, message } = result.data;
      setObserved({ base: { revisionId: theirs?.id ?? null, version }, fields: noteFieldsOf(theirs), revision: theirs });
      setError(message);
      // The history below should show their revision too; the edit itself stays as typed.
      router.refresh();
      return "failed";
    }
    const { revision, version } = result.data;
    setObserved({ base: { revisionId: revision.id, version }, fields: noteFieldsOf(revision), revision });
    setEdit(null);
    if (!leaving) router.refresh();
    return "saved";
  }

  return {
    fields: current.fields,
    known,
    dirty,
    behind,
    saving,
    error,
    setFields,
    save: (): Promise<SaveOutcome> => (dirty ? saveEdit(current) : Promise.resolve("unchanged")),
    saveBeforeLeaving: (): Promise<SaveOutcome> => (dirty ? saveEdit(current, true) : Promise.resolve("unchanged")),
    /** Conflict choice 1: the reviewer's text becomes a new revision on top of theirs. */
    keepMineOnTop: () => saveEdit({ base: known.base, fields: current.fields }),
    /** Conflict choice 2: drop the edit for theirs; the toast can bring it back. */
    takeTheirs() {
      const discarded: LocalEdit = { base: known.base, fields: current.fields };
      setEdit(null);
      setError(null);
      toast.show("Your edit was set aside for theirs.", { action: { label: "Undo", run: () => setEdit(discarded) } });
    },
  };
}
