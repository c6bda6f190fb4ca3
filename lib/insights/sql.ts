import "server-only";

import { Prisma } from "@/lib/db";

import type { InsightsScope } from "./scope";

/**
 * The scope as a WHERE clause: `row` is the alias of a table with writer_id and test_mode
 * (eligibility, drafts, submissions, written_notes), `at` the moment that places a row in the period.
 */
export function scopeWhere(scope: InsightsScope, row: string, at: Prisma.Sql): Prisma.Sql {
  const alias = Prisma.raw(row);
  const conditions = [Prisma.sql`${alias}.writer_id = ${scope.writerId}`];
  if (scope.mode !== "all") conditions.push(Prisma.sql`${alias}.test_mode = ${scope.mode === "test"}`);
  if (scope.since) conditions.push(Prisma.sql`${at} >= ${scope.since}`);
  return Prisma.join(conditions, " AND ");
}
