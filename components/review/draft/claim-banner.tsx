import { claimLabel } from "../format";
import type { ClaimState } from "./use-claim";

/** Whether this reviewer can edit, and if not, who can: "claimed by Alice · 3 min ago". */
export function ClaimBanner({ state, viewerId, now }: { state: ClaimState; viewerId: string; now: Date }) {
  if (state.kind === "mine") return null;
  const text =
    state.kind === "claiming"
      ? "Claiming this draft…"
      : state.kind === "held"
        ? `Read-only: ${claimLabel(state.claim, viewerId, now)}. You can edit it once they let go.`
        : state.kind === "watching"
          ? `Read-only: your role can look, not edit${state.claim ? ` (${claimLabel(state.claim, viewerId, now)})` : ""}.`
          : `Read-only: ${state.message}`;
  return (
    <p
      role="status"
      data-testid="claim-banner"
      className={`rounded-md px-3 py-2 text-sm ${state.kind === "claiming" ? "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" : "border border-amber-400 bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-100"}`}
    >
      {text}
    </p>
  );
}
