"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { useToast } from "@/components/ui/toast";
import type { RatingDto } from "@/lib/ratings/dto";

import { useShortcuts } from "../keyboard/use-shortcuts";
import { useQueueActions } from "../session/queue-actions";

type Props = { draftId: string; aiRevisionId: string; initial: RatingDto | null };

const QUESTION = "Would you post the AI draft as is?";

/**
 * "Would I post this as is?" on the AI draft, for reviewers: one key (y / n) while not typing. It is an opinion, not
 * a decision: it needs no claim, works in any state, and never moves the draft. Answering again
 * replaces the answer.
 */
export function DraftRating({ draftId, aiRevisionId, initial }: Props) {
  const actions = useQueueActions();
  const toast = useToast();
  // A rating of an older AI draft does not answer for this one.
  const [value, setValue] = useState<boolean | null>(initial?.revisionId === aiRevisionId ? initial.wouldPost : null);
  const [pending, setPending] = useState(false);

  async function rate(wouldPost: boolean) {
    if (pending) return;
    setPending(true);
    const result = await actions.rateDraft({ draftId, revisionId: aiRevisionId, wouldPost });
    setPending(false);
    if (!result.ok) return toast.show(result.message, { tone: "error" });
    setValue(result.data.wouldPost);
    if (result.data.changed) toast.show(wouldPost ? "Rated: you would post the AI draft as is." : "Rated: you would not post the AI draft as is.", { tone: "success" });
  }

  useShortcuts({ y: () => void rate(true), n: () => void rate(false) });

  return (
    <Card title={QUESTION}>
      <div className="flex flex-col gap-2" data-testid="draft-rating" data-rating={value === null ? "none" : value ? "yes" : "no"}>
        <div role="group" aria-label={QUESTION} className="flex gap-2">
          <Button variant={value === true ? "primary" : "secondary"} aria-pressed={value === true} disabled={pending} onClick={() => void rate(true)}>
            Yes <Kbd>y</Kbd>
          </Button>
          <Button variant={value === false ? "primary" : "secondary"} aria-pressed={value === false} disabled={pending} onClick={() => void rate(false)}>
            No <Kbd>n</Kbd>
          </Button>
        </div>
        <p className="text-xs text-zinc-500">
          {value === null
            ? "Your first impression of the AI's text, before any edit. It is kept with the decision; Insights compares it with how notes fare."
            : `You said ${value ? "yes" : "no"}. Press ${value ? "n" : "y"} to change your answer.`}
        </p>
      </div>
    </Card>
  );
}
