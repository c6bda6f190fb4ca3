import "server-only";

import { NotFoundError, type DbClient } from "@/lib/db";

export type JobWriter = { id: string; name: string; testMode: boolean; feedSize: string; feedLang: string };

const select = { id: true, name: true, testMode: true, feedSize: true, feedLang: true } as const;

/** The writer as it is now: a job queued before a mode switch runs in the new mode. */
export function findJobWriter(db: DbClient, writerId: string): Promise<JobWriter | null> {
  return db.writer.findUnique({ where: { id: writerId }, select });
}

export async function requireWriter(db: DbClient, writerId: string): Promise<JobWriter> {
  const writer = await findJobWriter(db, writerId);
  if (!writer) throw new NotFoundError("That writer no longer exists.");
  return writer;
}

export function listJobWriters(db: DbClient): Promise<JobWriter[]> {
  return db.writer.findMany({ select, orderBy: { createdAt: "asc" } });
}
