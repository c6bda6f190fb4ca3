import { afterAll } from "vitest";

import { reloadEnv } from "@/lib/config/env";
import type { DbClient } from "@/lib/db";
import type { DraftingFeed } from "@/lib/drafting/draft-claims";
import type { DraftingProvider, DraftingTask } from "@/lib/drafting/provider";
import { numberedPosts, seedFeed } from "@/lib/drafting/testing/feed-fixture";
import { keyedProvider, noteReply } from "@/lib/drafting/testing/keyed-provider";
import type { Actor } from "@/lib/review/dto";
import { createTestDatabase } from "@/tests/support/db";
import { seedUser } from "@/tests/support/fixtures/review";

import { draftAsLiveVariant } from "../live-drafting";
import type { SpendAttribution, VariantModel, VariantModelSource } from "../models";
import { createVariant } from "../variant-admin";

/**
 * Variants on "openai-compatible" need an endpoint configured before they can be created or promoted;
 * this one is never called (testModels answers instead). Test files run in processes of their own.
 */
export function configureTestEndpoint(): void {
  process.env.OPENAI_COMPATIBLE_BASE_URL = "http://127.0.0.1:9/v1";
  reloadEnv();
}

/**
 * Models for variant tests, chosen by the variant's model name, so each variant drafts its own
 * recognisable text: `models.add("shadow-a", provider)` then a variant with provider
 * "openai-compatible" and model "shadow-a". Every call is remembered with the spend it was booked to.
 */
export function testModels(fallback: DraftingProvider) {
  const byName = new Map<string, DraftingProvider>();
  const spends: (SpendAttribution | undefined)[] = [];
  const source: VariantModelSource & { add(name: string, provider: DraftingProvider): void; spends: typeof spends } = {
    concurrency: 2,
    spends,
    add: (name, provider) => void byName.set(name, provider),
    modelFor(model: VariantModel, spend?: SpendAttribution) {
      spends.push(spend);
      return (model.model ? byName.get(model.model) : undefined) ?? fallback;
    },
  };
  return source;
}

/** A provider that writes `text` plus the post id as its note for every post. */
export const writesNote = (text: string) => keyedProvider((task: DraftingTask) => noteReply(`${text} (post ${task.post.id}) https://www.reuters.com/fact-check/${task.post.id}`));

let feeds = 0;

/** A writer whose test feed holds `count` new posts of its own (each test file has a database of its own). */
export async function freshFeed(db: DbClient, count: number): Promise<DraftingFeed & { postIds: string[] }> {
  feeds += 1;
  const posts = numberedPosts(count, (i) => `Variant feed ${feeds}, post ${i}, makes a claim.`).map((p) => ({ ...p, id: String(BigInt(p.id) + BigInt(feeds * 100_000)) }));
  const feed = await seedFeed(db, posts, `variants writer ${feeds}`);
  return { ...feed, postIds: posts.map((p) => p.id) };
}

/** What the live variant writes in draftedFeed. */
export const liveNote = writesNote("LIVE says the photo is old");

/**
 * A feed of `count` posts drafted by its live variant (liveNote), plus one shadow variant per model
 * name given, drafting with that provider (draft-v2, temperature 0.7).
 */
export async function draftedFeed(db: DbClient, admin: Actor, count: number, shadows: Record<string, DraftingProvider>) {
  const feed = await freshFeed(db, count);
  const models = testModels(liveNote);
  const variants = [];
  for (const [name, provider] of Object.entries(shadows)) {
    models.add(name, provider);
    variants.push(await createVariant({ writerId: feed.writerId, name, promptVersion: "draft-v2", provider: "openai-compatible", model: name, temperature: 0.7 }, admin));
  }
  const run = await draftAsLiveVariant(db, models, { feed, triggeredById: null });
  if (run.counts.drafted !== count) throw new Error(`The live variant drafted ${run.counts.drafted} of ${count} posts.`);
  return { feed, models, variants };
}

/** A database of the test file's own, the test endpoint configured, and an admin to act as. */
export async function variantTestbed() {
  configureTestEndpoint();
  const t = await createTestDatabase();
  afterAll(() => t.drop());
  const admin = await seedUser(t.db, "Ada Admin", "admin");
  return { t, admin };
}
