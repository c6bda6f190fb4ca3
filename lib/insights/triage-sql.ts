import "server-only";

import { Prisma } from "@/lib/db";

/**
 * Every piece of SQL the insights read triage with, and nothing else does: where triage is stored
 * (columns of posts, docs/triage.md) changes here alone. Each piece expects the post as `p` (posts)
 * in the surrounding query, with `triageJoin` among its joins.
 */

/** Triage lives in the post's own row: nothing to join. */
export const triageJoin = Prisma.empty;

/** in | out as it counts (a reviewer's overturn wins); null when the post was never assessed. */
export const triageVerdict = Prisma.sql`p.triage_verdict`;

/** in | out as the machine judged it, before any reviewer: what a signal analysis compares. */
export const triageMachineVerdict = Prisma.sql`p.machine_verdict`;

/**
 * Why a post is not triaged in, as one code: not assessed; overturned out by a reviewer; else the
 * signal that pulled hardest towards out (a blocking one first), or `no_signal` when nothing
 * checkable fired and nothing pulled against it either.
 */
export const triageOutReason = Prisma.sql`(CASE
  WHEN p.triage_verdict IS NULL THEN 'not_assessed'
  WHEN p.overturned_at IS NOT NULL THEN 'overturned'
  ELSE coalesce(p.triage_against, 'no_signal') END)`;
