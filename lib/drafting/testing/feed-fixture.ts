import type { DbClient } from "@/lib/db";
import { recordEligibility, upsertPosts } from "@/lib/ingest/upsert-posts";
import type { NormalizedPost } from "@/lib/posts/post";

import type { DraftingFeed } from "../draft-claims";
import { makePost } from "./posts";

/** Posts with ids 1000000000000000001…, each with its own text: `textOf(i)`. */
export function numberedPosts(count: number, textOf: (index: number) => string = (i) => `Post number ${i} makes a claim.`): NormalizedPost[] {
  return Array.from({ length: count }, (_, i) => makePost({ id: String(1_000_000_000_000_000_001n + BigInt(i)), text: textOf(i) }));
}

/** A writer whose test feed holds `posts`, stored the way a sync stores them. */
export async function seedFeed(db: DbClient, posts: readonly NormalizedPost[], writerName = "Test writer"): Promise<DraftingFeed> {
  const writer = await db.writer.upsert({ where: { name: writerName }, create: { name: writerName }, update: {}, select: { id: true } });
  await upsertPosts(db, posts);
  await recordEligibility(db, { writerId: writer.id, testMode: true, runId: "fixture" }, posts.map((p) => p.id));
  return { writerId: writer.id, testMode: true };
}
