import "server-only";

import { getDb } from "@/lib/db";

export type WriterDto = { id: string; name: string; testMode: boolean; feedSize: string; feedLang: string };

const writerSelect = { id: true, name: true, testMode: true, feedSize: true, feedLang: true } as const;

export async function listWriters(): Promise<WriterDto[]> {
  return getDb().writer.findMany({ select: writerSelect, orderBy: { createdAt: "asc" } });
}

/** The writer pages act on when none is chosen: the oldest one. */
export async function defaultWriter(): Promise<WriterDto | null> {
  return getDb().writer.findFirst({ select: writerSelect, orderBy: { createdAt: "asc" } });
}

/** Writers are always created in test mode: production is a separate, audited switch. */
export async function ensureWriter(name: string): Promise<WriterDto> {
  return getDb().writer.upsert({ where: { name }, create: { name }, update: {}, select: writerSelect });
}
