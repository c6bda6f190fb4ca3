import "server-only";

import { Prisma } from "@/lib/db";

/**
 * The queue's default order (phase 2), for a query that joins post_triage: highest priority_key
 * first is highest priority now (lib/triage/priority.ts explains why the key never goes stale).
 * It matches the (verdict, priority_key DESC) index, so a list of triaged-in or triaged-out posts
 * reads straight from it. In a LEFT JOIN a post without triage sorts first (DESC puts NULLs first):
 * nothing unassessed gets buried. Add the query's own id after it: (priority_key, id) is the keyset cursor.
 */
export const TRIAGE_PRIORITY_ORDER_SQL = Prisma.sql`post_triage.priority_key DESC`;
