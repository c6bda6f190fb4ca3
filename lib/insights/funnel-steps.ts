import "server-only";

import { Prisma } from "@/lib/db";
import { liveClaim } from "@/lib/review/sql";

import type { FunnelStepId } from "./funnel-labels";
import type { InsightsScope } from "./scope";
import { scopeWhere } from "./sql";
import { triageJoin, triageOutReason, triageVerdict } from "./triage-sql";

/**
 * The funnel's steps as SQL: the one definition the counts and the drill-down both use. Each step
 * after "eligible" has a test a post must pass, a reason code for those that do not, and optionally
 * a line of detail for the drill-down. The funnel is strict: a post counts at a step only if it
 * passed every step before it, so each post drops out at exactly one step, or at none.
 *
 * Aliases: `e` eligibility, `p` posts, `d` the writer's draft for the post in that mode, `s` its
 * submission, `n` the written note for the post (writer and mode), plus triage-sql.ts's own.
 */
type StepTest = { id: Exclude<FunnelStepId, "eligible">; passes: Prisma.Sql; reason: Prisma.Sql; detail?: Prisma.Sql };

const approvedStates = Prisma.sql`('approved', 'submitting', 'submitted', 'needs_reconcile')`;

/** The draft's last sending failure was the pre-send check (blockSending), not X refusing (failSubmission). */
const blockedBeforeSending = Prisma.sql`(SELECT ae.action FROM audit_events ae
  WHERE ae.subject_type = 'draft' AND ae.subject_id = d.id AND ae.action IN ('draft.blockSending', 'draft.failSubmission')
  ORDER BY ae.id DESC LIMIT 1) = 'draft.blockSending'`;

const steps: StepTest[] = [
  { id: "triaged_in", passes: Prisma.sql`${triageVerdict} = 'in'`, reason: triageOutReason },
  {
    id: "drafted",
    passes: Prisma.sql`d.state NOT IN ('new', 'drafting')`,
    reason: Prisma.sql`coalesce(d.state::text, 'not_drafted')`,
  },
  {
    id: "ai_wrote",
    passes: Prisma.sql`d.ai_decision = 'write_note'`,
    reason: Prisma.sql`coalesce(d.ai_decision, 'drafting_failed')`,
    detail: Prisma.sql`coalesce(d.failure_reason, d.ai_rationale)`,
  },
  {
    id: "reviewed",
    passes: Prisma.sql`d.decided_at IS NOT NULL`,
    reason: Prisma.sql`CASE WHEN d.state <> 'ready' THEN d.state::text WHEN ${liveClaim} THEN 'being_reviewed' ELSE 'in_queue' END`,
  },
  {
    id: "approved",
    passes: Prisma.sql`d.state IN ${approvedStates} OR (d.state = 'failed' AND s.id IS NOT NULL)`,
    reason: Prisma.sql`CASE WHEN d.state = 'rejected' THEN coalesce(d.reject_reason, 'rejected') ELSE d.state::text END`,
    detail: Prisma.sql`d.reject_note`,
  },
  {
    id: "submitted",
    passes: Prisma.sql`s.state = 'succeeded'`,
    reason: Prisma.sql`CASE s.state
      WHEN 'pending' THEN 'waiting_to_send'
      WHEN 'failed' THEN CASE WHEN ${blockedBeforeSending} THEN 'blocked' ELSE 'refused' END
      ELSE coalesce(s.state::text, d.state::text) END`,
    detail: Prisma.sql`s.last_error`,
  },
  {
    id: "evaluator_high",
    passes: Prisma.sql`n.claim_opinion = 'high'`,
    reason: Prisma.sql`CASE WHEN n.id IS NULL THEN 'not_seen' ELSE coalesce(n.claim_opinion, 'no_result') END`,
  },
  {
    id: "rated_helpful",
    passes: Prisma.sql`n.status = 'currently_rated_helpful'`,
    reason: Prisma.sql`CASE WHEN e.test_mode THEN 'test_mode' ELSE coalesce(nullif(n.status, ''), 'no_status') END`,
  },
];

/** CASE over the steps in order: the first one a post fails decides `pick`'s value. */
function firstFailed(pick: (step: StepTest) => Prisma.Sql): Prisma.Sql {
  const arms = steps.map((step) => Prisma.sql`WHEN NOT coalesce(${step.passes}, false) THEN ${pick(step)}`);
  return Prisma.sql`CASE ${Prisma.join(arms, " ")} END`;
}

/**
 * One row per post the writer's feed offered in the period (eligibility first seen since `since`),
 * with the step it dropped out at (`dropped_at`, null when it passed all of them), the reason, and
 * what the drill-down shows. A post in both the test and the production feed is two rows: each mode
 * has its own draft and note.
 */
export function funnelPaths(scope: InsightsScope): Prisma.Sql {
  return Prisma.sql`
    SELECT e.post_id, e.test_mode, e.first_seen_at, p.text AS post_text, p.author_username,
      d.id AS draft_id, d.state::text AS draft_state, n.id AS note_id,
      ${firstFailed((step) => Prisma.sql`${step.id}`)} AS dropped_at,
      ${firstFailed((step) => step.reason)} AS reason,
      ${firstFailed((step) => step.detail ?? Prisma.sql`NULL`)} AS detail
    FROM eligibility e
    JOIN posts p ON p.id = e.post_id
    ${triageJoin}
    LEFT JOIN drafts d ON d.writer_id = e.writer_id AND d.post_id = e.post_id AND d.test_mode = e.test_mode
    LEFT JOIN submissions s ON s.draft_id = d.id
    LEFT JOIN written_notes n ON n.writer_id = e.writer_id AND n.post_id = e.post_id AND n.test_mode = e.test_mode
    WHERE ${scopeWhere(scope, "e", Prisma.sql`e.first_seen_at`)}`;
}
