import type { Ref } from "react";

import { Card } from "@/components/ui/card";
import type { DraftDetailDto } from "@/lib/review/dto";

import { budgetLines, type SendingBudget } from "./budget";
import { ClaimBanner } from "./claim-banner";
import { ConflictPanel } from "./conflict-panel";
import { DecisionBar, SaveButtons, type DecisionHandlers } from "./decision-bar";
import { NoteEditor } from "./note-editor";
import { RegenerateButton } from "./regenerate-button";
import { SuggestionsCard } from "./suggestions-card";
import type { ClaimState } from "./use-claim";
import type { NoteEditor as Editor } from "./use-note-editor";
import { WordDiff } from "./word-diff";

type Props = {
  detail: DraftDetailDto;
  editor: Editor;
  claim: ClaimState;
  viewerId: string;
  editable: boolean;
  canSuggest: boolean;
  canApprove: boolean;
  busy: string | null;
  handlers: DecisionHandlers;
  textRef: Ref<HTMLTextAreaElement>;
  budget: SendingBudget;
  now: Date;
};

/** The right-hand side of a draft in the queue: who holds it, the editor, the decisions, the AI loop. */
export function ReviewPanel({ detail, editor, claim, viewerId, editable, canSuggest, canApprove, busy, handlers, textRef, budget, now }: Props) {
  const warnings = canApprove ? budgetLines(budget).filter((line) => line.warn) : [];
  return (
    <>
      <ClaimBanner state={claim} viewerId={viewerId} now={now} />
      {editor.behind && (
        <ConflictPanel
          viewerId={viewerId}
          theirs={editor.known.revision}
          theirsFields={editor.known.fields}
          mine={editor.fields}
          saving={editor.saving}
          onKeepMine={() => void editor.keepMineOnTop()}
          onTakeTheirs={editor.takeTheirs}
        />
      )}
      <NoteEditor editor={editor} readOnly={!editable} textRef={textRef} actions={<SaveButtons handlers={handlers} enabled={editable} busy={busy} />} />
      {warnings.map((line) => (
        <p key={line.text} role="status" data-testid="budget-warning" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
          {line.text}
        </p>
      ))}
      <DecisionBar handlers={handlers} enabled={editable} busy={busy} canApprove={canApprove} />
      {detail.aiDraft && editor.fields.text !== detail.aiDraft.text && (
        <Card title="Changes from the AI draft">
          <WordDiff before={detail.aiDraft.text} after={editor.fields.text} testId="ai-diff" />
        </Card>
      )}
      <SuggestionsCard draftId={detail.draft.id} suggestions={detail.suggestions} canSuggest={canSuggest && editable} />
      <RegenerateButton draftId={detail.draft.id} version={detail.draft.version} enabled={canSuggest && editable && busy === null} />
    </>
  );
}
