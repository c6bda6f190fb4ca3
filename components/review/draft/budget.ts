/**
 * What a writer may still send: X's cap on new notes (250 in any 24 hours, every mode) and, for
 * production notes, X's daily writing limit as lib/notes estimates it.
 */
export type SendingBudget = {
  creates: { used: number; limit: number };
  /** Production drafts only; null in test mode, where no writing limit applies. */
  approvals: { remaining: number; limit: number } | null;
};

/** Below this many, the review page warns before anyone reaches for Approve. */
const WARN_BELOW = 5;

export type BudgetLine = { text: string; warn: boolean };

export function budgetLines(budget: SendingBudget): BudgetLine[] {
  const lines: BudgetLine[] = [];
  if (budget.approvals) {
    const { remaining, limit } = budget.approvals;
    lines.push({
      text:
        remaining === 0
          ? `X's daily writing limit for this writer (about ${limit}, estimated) is used up: production approvals will be refused until it frees up.`
          : `About ${remaining} of ${limit} production approvals left today (X's writing limit, estimated from the writer's ratings).`,
      warn: remaining < WARN_BELOW,
    });
  }
  const left = budget.creates.limit - budget.creates.used;
  lines.push({
    text: left <= 0 ? `This writer has used all ${budget.creates.limit} new notes X accepts in 24 hours.` : `${left} of ${budget.creates.limit} new notes left for this writer in the last 24 hours.`,
    warn: left < 25,
  });
  return lines;
}
