"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { useShortcuts } from "@/components/review/keyboard/use-shortcuts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ComparedNote, ComparisonChoice, ComparisonReveal } from "@/lib/variants/dto";

import { ComparedNoteCard } from "./compared-note-card";

type Choose = (input: { comparisonId: string; choice: ComparisonChoice }) => Promise<ActionResult<ComparisonReveal>>;

const choiceWords: Record<ComparisonChoice, string> = { a: "You preferred A", b: "You preferred B", tie: "You found them about the same" };

/**
 * The two drafts labelled A and B and the three answers (buttons, or 1/2/3 and a/b/t). This component
 * never knows which variant wrote which draft until the server answers the choice; then it says so
 * and offers the next pair.
 */
export function BlindComparison({ comparisonId, a, b, choose }: { comparisonId: string; a: ComparedNote; b: ComparedNote; choose: Choose }) {
  const router = useRouter();
  const toast = useToast();
  const [reveal, setReveal] = useState<ComparisonReveal | null>(null);
  const [sending, setSending] = useState(false);
  const [loadingNext, startNext] = useTransition();

  async function answer(choice: ComparisonChoice) {
    if (reveal || sending) return;
    setSending(true);
    const result = await choose({ comparisonId, choice });
    setSending(false);
    if (result.ok) setReveal(result.data);
    else toast.show(result.message, { tone: "error" });
  }
  const next = () => startNext(() => router.refresh());

  useShortcuts({
    "1": () => void answer("a"),
    a: () => void answer("a"),
    "2": () => void answer("b"),
    b: () => void answer("b"),
    "3": () => void answer("tie"),
    t: () => void answer("tie"),
    n: () => (reveal ? next() : false),
    Enter: () => (reveal ? next() : false),
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        <ComparedNoteCard side="A" note={a} chosen={reveal?.choice === "a"} />
        <ComparedNoteCard side="B" note={b} chosen={reveal?.choice === "b"} />
      </div>
      {reveal ? (
        <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid="reveal" aria-live="polite">
          <p className="font-medium">{choiceWords[reveal.choice]}.</p>
          <ul className="flex flex-col gap-1 text-sm">
            {(["a", "b"] as const).map((side) => (
              <li key={side} data-testid={`reveal-${side}`}>
                Draft {side.toUpperCase()} was <span className="font-semibold">{reveal[side].name}</span> <Badge tone={reveal[side].status === "live" ? "good" : "info"}>{reveal[side].status}</Badge>
              </li>
            ))}
          </ul>
          <div>
            <Button onClick={next} disabled={loadingNext} autoFocus>
              {loadingNext ? "Loading…" : "Next pair"} <Kbd>N</Kbd>
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Which draft would you rather post?">
          <span className="text-sm font-medium">Which would you rather post?</span>
          <Button onClick={() => void answer("a")} disabled={sending}>
            A is better <Kbd>1</Kbd>
          </Button>
          <Button onClick={() => void answer("b")} disabled={sending}>
            B is better <Kbd>2</Kbd>
          </Button>
          <Button variant="secondary" onClick={() => void answer("tie")} disabled={sending}>
            About the same <Kbd>3</Kbd>
          </Button>
        </div>
      )}
    </div>
  );
}
