"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { SuggestionDto } from "@/lib/review/dto";

import { useQueueActions } from "../session/queue-actions";
import { SuggestionItem } from "./suggestion-item";

/** While a revision is on its way, the page re-reads the draft this often to pick it up. */
const POLL_MS = 2_000;
/** After this long with no answer, say that a worker may not be running. */
const SLOW_AFTER_MS = 60_000;

/**
 * Suggestions for the AI (the Collaborative Notes loop): leave them, then ask for a revision that
 * answers each one YES, NO or PARTIALLY with a reason. The new revision appears in the editor when
 * it lands, unless you have unsaved edits (then you choose, as with any newer version).
 */
export function SuggestionsCard({ draftId, suggestions, canSuggest }: { draftId: string; suggestions: SuggestionDto[]; canSuggest: boolean }) {
  const actions = useQueueActions();
  const router = useRouter();
  const toast = useToast();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState<"suggest" | "ask" | null>(null);
  const [asked, setAsked] = useState(false);
  const [slow, setSlow] = useState(false);
  const pending = suggestions.filter((s) => s.disposition === "pending");
  const waiting = asked && pending.length > 0;

  useEffect(() => {
    if (!waiting) return;
    const poll = setInterval(() => router.refresh(), POLL_MS);
    const slowTimer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(slowTimer);
    };
  }, [waiting, router]);

  async function suggest() {
    setBusy("suggest");
    const result = await actions.suggest({ draftId, text });
    setBusy(null);
    if (!result.ok) return toast.show(result.fieldErrors?.text?.[0] ?? result.message, { tone: "error" });
    setText("");
    router.refresh();
  }

  async function ask() {
    setBusy("ask");
    const result = await actions.askForRevision({ draftId });
    setBusy(null);
    if (!result.ok) return toast.show(result.message, { tone: "error" });
    setAsked(true);
    setSlow(false);
    toast.show(result.data.queued ? "Revision requested." : "A revision was already on its way; it will answer these too.");
  }

  return (
    <Card title="Suggestions for the AI">
      <div className="flex flex-col gap-3 text-sm">
        {pending.length > 0 && (
          <ul className="flex flex-col gap-2" aria-label="Waiting for an answer">
            {pending.map((suggestion) => (
              <SuggestionItem key={suggestion.id} suggestion={suggestion} />
            ))}
          </ul>
        )}
        {waiting && (
          <div role="status" className="flex flex-col gap-1" data-testid="revision-pending">
            <Spinner label="The AI is revising the note" />
            {slow && <p className="text-xs text-amber-700 dark:text-amber-300">Still waiting. Revisions run on a worker: is one running (npm run worker)?</p>}
          </div>
        )}
        {asked && !waiting && <p role="status" className="text-xs text-emerald-700 dark:text-emerald-300">The AI answered; its revision and answers are in the history.</p>}
        {canSuggest && (
          <>
            <label htmlFor="suggestion-text" className="sr-only">
              A suggestion
            </label>
            <Textarea id="suggestion-text" rows={2} value={text} onChange={(event) => setText(event.target.value)} placeholder="e.g. Cite the agency's own statement instead of the news report." />
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" disabled={busy !== null || text.trim().length < 3} onClick={() => void suggest()}>
                {busy === "suggest" ? "Adding…" : "Add suggestion"}
              </Button>
              <Button variant="secondary" disabled={busy !== null || pending.length === 0 || waiting} onClick={() => void ask()} title={pending.length === 0 ? "Add a suggestion first" : undefined}>
                {busy === "ask" ? "Asking…" : `Ask for a revision${pending.length ? ` (${pending.length})` : ""}`}
              </Button>
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
