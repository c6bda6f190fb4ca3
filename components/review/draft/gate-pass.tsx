import type { GatePassDto } from "@/lib/submission/dto";

import { formatDateTime } from "../format";

/**
 * The submit checklist the send relied on, as recorded with the approval: the exact payload it
 * judged (its hash), evaluate_note's score for that text, when, and each check's reason.
 */
export function GatePass({ pass }: { pass: GatePassDto | null }) {
  if (!pass) {
    return (
      <p className="text-xs text-zinc-500" data-testid="gate-pass-none">
        No gate pass was recorded with this approval: every check is judged in full when it is sent.
      </p>
    );
  }
  return (
    <details className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-700" data-testid="gate-pass">
      <summary className="cursor-pointer font-medium">
        Gate pass: every check passed at {formatDateTime(pass.at)}
        {pass.claimOpinionScore !== null && <span className="font-normal text-zinc-600 dark:text-zinc-300"> · evaluate_note {pass.claimOpinionScore}</span>}
      </summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-300">
        <dt>Payload hash</dt>
        <dd className="font-mono break-all" data-testid="gate-pass-hash">
          {pass.payloadHash}
        </dd>
        <dt>Belongs to</dt>
        <dd className={pass.matchesPayload ? "" : "font-semibold text-red-700 dark:text-red-400"}>
          {pass.matchesPayload ? "exactly the request frozen above" : "a different payload than the frozen request: it will not be sent"}
        </dd>
        <dt>ClaimOpinion score</dt>
        <dd data-testid="gate-pass-score">{pass.claimOpinionScore ?? "none (an admin overrode a failed evaluate_note call)"}</dd>
      </dl>
      <ul className="mt-2 flex flex-col gap-1" aria-label="Checks in the gate pass">
        {pass.gates.map((gate) => (
          <li key={gate.id} className="text-xs">
            <span aria-hidden className="mr-1 font-bold text-emerald-700 dark:text-emerald-400">
              ✓
            </span>
            <span className="font-medium">{gate.label}</span>: {gate.reason}
            {gate.overriddenBy && <span className="text-amber-700 dark:text-amber-400"> (overridden by {gate.overriddenBy})</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
