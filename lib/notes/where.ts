import "server-only";

import { Prisma } from "@/lib/db";

import type { BucketFilter, NotesFilters } from "./filters";
import { origin } from "./sql";

function bucketIs(column: string, value: BucketFilter): Prisma.Sql {
  const col = Prisma.raw(`n.${column}`);
  return value === "none" ? Prisma.sql`${col} IS NULL` : Prisma.sql`${col} = ${value}`;
}

/** The table's (and the export's) filters as a WHERE clause over `n`, `s` and `r1` (see originJoins). */
export function notesWhere(writerId: string, filters: NotesFilters): Prisma.Sql {
  const conditions = [Prisma.sql`n.writer_id = ${writerId}`];
  if (filters.mode !== "all") conditions.push(Prisma.sql`n.test_mode = ${filters.mode === "test"}`);
  if (filters.status) {
    conditions.push(filters.status === "none" ? Prisma.sql`coalesce(n.status, '') = ''` : Prisma.sql`n.status = ${filters.status}`);
  }
  if (filters.co) conditions.push(bucketIs("claim_opinion", filters.co));
  if (filters.uv) conditions.push(bucketIs("url_validity", filters.uv));
  if (filters.ha) conditions.push(bucketIs("harassment_abuse", filters.ha));
  if (filters.origin) conditions.push(Prisma.sql`${origin} = ${filters.origin}`);
  if (filters.approver) conditions.push(Prisma.sql`s.approved_by_id = ${filters.approver}`);
  return Prisma.join(conditions, " AND ");
}
