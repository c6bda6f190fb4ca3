import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { getDb, Prisma, sqlBatched } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";

import { dollarsToMicros, formatMicros } from "./money";
import { priceOf } from "./prices";

/**
 * Each writer's LLM spend against its daily and monthly caps. Days and months are UTC calendar
 * ones, so every server and operator agrees when a cap resets. A writer's own cap wins; without one
 * the LLM_DAILY_BUDGET_USD / LLM_MONTHLY_BUDGET_USD default applies; without either, no cap.
 */
export type SpendWindow = {
  spentMicros: number;
  capMicros: number | null;
  /** Where the cap comes from: the writer's own, the environment's default, or none at all. */
  capSource: "writer" | "default" | null;
};

export type LlmBudgetStatus = {
  writerId: string;
  writerName: string;
  today: SpendWindow;
  month: SpendWindow;
  /** The cap that stops drafting now, the daily one first. */
  reached: "daily" | "monthly" | null;
  calls: number;
  /** Calls this month whose cost is unknown (a model without a price, or a failed call). */
  unestimatedCalls: number;
};

type Row = {
  writerId: string;
  writerName: string;
  dailyCap: number | null;
  monthlyCap: number | null;
  today: number;
  month: number;
  calls: number;
  unestimated: number;
};

const utcDayStart = Prisma.sql`date_trunc('day', now() AT TIME ZONE 'utc')`;
const utcMonthStart = Prisma.sql`date_trunc('month', now() AT TIME ZONE 'utc')`;

/** Every writer's status, oldest writer first; with `writerId`, that writer's only. */
export async function llmBudgetStatuses(writerId?: string): Promise<LlmBudgetStatus[]> {
  const rows = await sqlBatched().$queryRaw<Row[]>`
    SELECT w.id AS "writerId", w.name AS "writerName",
           w.llm_daily_budget_micros::float8 AS "dailyCap", w.llm_monthly_budget_micros::float8 AS "monthlyCap",
           coalesce(sum(c.cost_micros) FILTER (WHERE c.at >= ${utcDayStart}), 0)::float8 AS "today",
           coalesce(sum(c.cost_micros), 0)::float8 AS "month",
           count(c.id)::int AS "calls",
           count(c.id) FILTER (WHERE c.cost_micros IS NULL)::int AS "unestimated"
      FROM writers w
      LEFT JOIN llm_calls c ON c.writer_id = w.id AND c.at >= ${utcMonthStart}
     WHERE ${writerId === undefined ? Prisma.sql`TRUE` : Prisma.sql`w.id = ${writerId}`}
     GROUP BY w.id
     ORDER BY w.created_at, w.id`;
  const defaults = defaultCaps();
  return rows.map((row) => {
    const today = spendWindow(row.today, row.dailyCap, defaults.daily);
    const month = spendWindow(row.month, row.monthlyCap, defaults.monthly);
    return {
      writerId: row.writerId,
      writerName: row.writerName,
      today,
      month,
      reached: isSpent(today) ? "daily" : isSpent(month) ? "monthly" : null,
      calls: row.calls,
      unestimatedCalls: row.unestimated,
    };
  });
}

function defaultCaps() {
  const { LLM_DAILY_BUDGET_USD: daily, LLM_MONTHLY_BUDGET_USD: monthly } = env();
  return { daily: daily === undefined ? null : dollarsToMicros(daily), monthly: monthly === undefined ? null : dollarsToMicros(monthly) };
}

function spendWindow(spentMicros: number, own: number | null, fallback: number | null): SpendWindow {
  if (own !== null) return { spentMicros, capMicros: own, capSource: "writer" };
  return { spentMicros, capMicros: fallback, capSource: fallback === null ? null : "default" };
}

const isSpent = (window: SpendWindow) => window.capMicros !== null && window.spentMicros >= window.capMicros;

export function describeBudgetReached(status: LlmBudgetStatus): string | null {
  if (!status.reached) return null;
  const [window, resets] = status.reached === "daily" ? [status.today, "00:00 UTC"] : [status.month, "the 1st of next month (UTC)"];
  return `${status.writerName} has spent ${formatMicros(window.spentMicros)} of its ${status.reached} LLM budget of ${formatMicros(window.capMicros ?? 0)}. Drafting is paused until ${resets}, or until an admin raises the budget in Settings → Controls.`;
}

/**
 * For drafting, before each model call: refuses once a cap is reached, and refuses a model without
 * a price while any cap applies, because its spending could not be counted.
 */
export async function assertWithinLlmBudget(writerId: string, model?: string): Promise<void> {
  const [status] = await llmBudgetStatuses(writerId);
  if (!status) throw new DomainError("not_found", "This writer no longer exists.");
  const reached = describeBudgetReached(status);
  if (reached) throw new DomainError("limit_reached", reached);
  const capped = status.today.capMicros !== null || status.month.capMicros !== null;
  if (model !== undefined && capped && !(await priceOf(model))) {
    throw new DomainError(
      "blocked",
      `The model "${model}" has no price, so its spending can't be counted against ${status.writerName}'s LLM budget. An admin sets its price in Settings → Controls.`,
    );
  }
}

const capDollars = z.number({ message: "Enter a number of dollars, e.g. 5 or 0.5." }).positive({ message: "A budget must be more than $0." }).max(1_000_000).nullable();

/** null: the writer follows the default cap (LLM_DAILY_BUDGET_USD / LLM_MONTHLY_BUDGET_USD). */
export const budgetInputSchema = z.object({
  writerId: z.string().trim().min(1),
  dailyDollars: capDollars,
  monthlyDollars: capDollars,
});

export async function setWriterLlmBudget(input: z.input<typeof budgetInputSchema>, actor: Actor): Promise<LlmBudgetStatus> {
  const { writerId, dailyDollars, monthlyDollars } = budgetInputSchema.parse(input);
  const caps = {
    llmDailyBudgetMicros: dailyDollars === null ? null : BigInt(dollarsToMicros(dailyDollars)),
    llmMonthlyBudgetMicros: monthlyDollars === null ? null : BigInt(dollarsToMicros(monthlyDollars)),
  };
  await getDb().$transaction(async (tx) => {
    const before = await tx.writer.findUnique({ where: { id: writerId }, select: { llmDailyBudgetMicros: true, llmMonthlyBudgetMicros: true } });
    if (!before) throw new DomainError("not_found", "This writer no longer exists.");
    await tx.writer.update({ where: { id: writerId }, data: caps });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "writer.llm_budget",
      subjectType: "writer",
      subjectId: writerId,
      before: { dailyMicros: asNumber(before.llmDailyBudgetMicros), monthlyMicros: asNumber(before.llmMonthlyBudgetMicros) },
      after: { dailyMicros: asNumber(caps.llmDailyBudgetMicros), monthlyMicros: asNumber(caps.llmMonthlyBudgetMicros) },
    });
  });
  const [status] = await llmBudgetStatuses(writerId);
  if (!status) throw new DomainError("not_found", "This writer no longer exists.");
  return status;
}

const asNumber = (micros: bigint | null) => (micros === null ? null : Number(micros));
