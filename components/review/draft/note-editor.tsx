"use client";

import type { ReactNode, Ref } from "react";

import { Card } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { Textarea } from "@/components/ui/textarea";
import { validateNote } from "@/lib/note-text";

import { ClassificationFields } from "./classification-fields";
import { LengthCounter } from "./length-counter";
import { effectiveNote } from "./note-fields";
import type { NoteEditor as Editor } from "./use-note-editor";

/**
 * The note as it will be sent. Problems show as you type, from the same rules the server applies;
 * warnings (hashtags, emoji…) don't block a save.
 */
export function NoteEditor({ editor, readOnly, textRef, actions }: { editor: Editor; readOnly: boolean; textRef: Ref<HTMLTextAreaElement>; actions: ReactNode }) {
  const { fields } = editor;
  const issues = validateNote(effectiveNote(fields));
  const textIssues = issues.filter((issue) => issue.field === "text" || issue.field === "classification");
  const hasTextError = textIssues.some((issue) => issue.severity === "error" && issue.field === "text");

  return (
    <Card
      title="Your note"
      actions={
        editor.dirty && (
          <span className="text-xs text-amber-700 dark:text-amber-300" data-testid="unsaved-marker">
            Unsaved · kept in this tab
          </span>
        )
      }
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <div className="flex items-baseline justify-between">
            <label htmlFor="note-text" className="text-sm font-medium">
              Note text <Kbd className="ml-1">e</Kbd>
            </label>
            <LengthCounter id="note-length" text={fields.text} />
          </div>
          <Textarea
            id="note-text"
            ref={textRef}
            rows={6}
            value={fields.text}
            readOnly={readOnly || editor.saving}
            aria-invalid={hasTextError}
            aria-describedby="note-length note-text-issues"
            onChange={(event) => editor.setFields({ ...fields, text: event.target.value })}
            placeholder={readOnly ? "" : "Neutral, sourced context for the post, with at least one link."}
          />
          <ul id="note-text-issues" aria-live="polite" className="flex flex-col gap-0.5 text-xs" data-testid="note-issues">
            {textIssues.map((issue) => (
              <li key={issue.code} className={issue.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-300"}>
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
        <ClassificationFields fields={fields} issues={issues} readOnly={readOnly} onChange={editor.setFields} />
        {editor.error && !editor.behind && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="editor-error">
            {editor.error}
          </p>
        )}
        {actions}
      </div>
    </Card>
  );
}
