import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { RevisionDto } from "@/lib/review/dto";

import { aiDecisionLabel } from "../labels";
import { readChecks } from "./checks";
import { LocalChecks } from "./local-checks";

/**
 * What the AI concluded and why, with the checks run on its draft. A suspected prompt injection is
 * the first thing shown: the post may have steered the model.
 */
export function AiDraftCard({ aiDraft, aiDecision, aiRationale }: { aiDraft: RevisionDto | null; aiDecision: string | null; aiRationale: string | null }) {
  const ai = aiDraft?.ai ?? null;
  const checks = readChecks(aiDraft?.checks);
  return (
    <Card
      title="AI draft"
      actions={
        <div className="flex flex-wrap justify-end gap-1">
          {ai?.provider === "offline" && <Badge tone="warn">offline drafter: not a real model</Badge>}
          <Badge tone="info">AI: {aiDecisionLabel(aiDecision)}</Badge>
        </div>
      }
    >
      <div className="flex flex-col gap-3 text-sm">
        {ai?.injectionSuspected && (
          <div role="alert" className="rounded-md border-2 border-red-500 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
            <p className="font-semibold">Possible prompt injection in this post</p>
            <p className="text-xs">The post may contain instructions aimed at the AI. Check the note against the post yourself.</p>
            {checks?.injectionReasons && checks.injectionReasons.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {checks.injectionReasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {(ai?.rationale ?? aiRationale) && (
          <div>
            <h3 className="text-xs font-semibold text-zinc-500">Rationale</h3>
            <p className="break-words whitespace-pre-wrap">{ai?.rationale ?? aiRationale}</p>
          </div>
        )}
        {aiDraft && (
          <div>
            <h3 className="text-xs font-semibold text-zinc-500">Its note (revision {aiDraft.number})</h3>
            <p className="rounded-md bg-zinc-50 px-3 py-2 break-words whitespace-pre-wrap dark:bg-zinc-800/60">{aiDraft.text}</p>
          </div>
        )}
        {checks && <LocalChecks checks={checks} />}
        {ai && (
          <p className="text-xs text-zinc-500">
            {[ai.provider, ai.model, ai.promptVersion && `prompt ${ai.promptVersion}`].filter(Boolean).join(" · ")}
          </p>
        )}
      </div>
    </Card>
  );
}
