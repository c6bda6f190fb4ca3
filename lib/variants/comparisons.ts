import "server-only";

import { randomInt } from "node:crypto";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { getDb, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { inTransaction, utcNow } from "@/lib/review/sql";

import { loadComparedPost, type ComparedPost } from "./compared-post";
import type { ComparedNote, ComparisonChoice, ComparisonReveal, VariantStatus } from "./dto";

/**
 * The blind side-by-side (docs/variants.md). A pair is stored the moment it is shown, with the side
 * each variant is on drawn here at random; the browser only ever holds the comparison's id, two
 * notes labelled A and B, and the post. Which variant was which leaves the server only as the answer
 * to a choice, and a choice can only be made once.
 */

/** What the comparison page renders: nothing in it says which variant wrote which note. */
export type BlindPair = { comparisonId: string; post: ComparedPost; a: ComparedNote; b: ComparedNote };

const comparedNote = z.object({ text: z.string(), classification: z.string(), misleadingTags: z.array(z.string()) });

type Stored = { id: string; draftId: string; lowOnA: boolean; lowNote: unknown; highNote: unknown; postId: string };

/**
 * The reviewer's pair to judge: the one they were shown and have not answered (so a reload neither
 * reshuffles the sides nor skips a pair), else a new one, else null when every pair is judged.
 */
export async function nextBlindPair(reviewer: Actor, db: DbClient = getDb()): Promise<BlindPair | null> {
  const pending = (await openComparison(db, reviewer.id)) ?? (await startComparison(db, reviewer.id));
  if (!pending) return null;
  const post = await loadComparedPost(db, pending.postId);
  if (!post) return null;
  const low = comparedNote.parse(pending.lowNote);
  const high = comparedNote.parse(pending.highNote);
  return { comparisonId: pending.id, post, a: pending.lowOnA ? low : high, b: pending.lowOnA ? high : low };
}

async function openComparison(db: DbClient, reviewerId: string): Promise<Stored | null> {
  const [row] = await db.$queryRaw<Stored[]>`
    SELECT c.id, c.draft_id AS "draftId", c.low_on_a AS "lowOnA", c.low_note AS "lowNote", c.high_note AS "highNote", d.post_id AS "postId"
      FROM variant_comparisons c JOIN drafts d ON d.id = c.draft_id
     WHERE c.reviewer_id = ${reviewerId} AND c.choice IS NULL
     ORDER BY c.shown_at, c.id
     LIMIT 1`;
  return row ?? null;
}

/**
 * Picks a pair the reviewer has not judged, among the posts two variants (not off) wrote different notes
 * for: the live variant's draft (the draft's latest AI draft, not a suggestion's revision) and shadow
 * drafts. Pairs with the fewest judgements come first, at random among equals, so every pair of
 * variants gets compared. Two tabs asking at once may both insert nothing; the second read finds the first's.
 */
async function startComparison(db: DbClient, reviewerId: string): Promise<Stored | null> {
  const lowOnA = randomInt(2) === 1;
  await db.$executeRaw`
    WITH shadowed AS (
      SELECT DISTINCT s.draft_id FROM shadow_drafts s WHERE s.outcome = 'note'
    ), entries AS (
      SELECT s.draft_id, s.variant_id, s.text, s.classification, s.misleading_tags
        FROM shadow_drafts s JOIN drafting_variants v ON v.id = s.variant_id AND v.status <> 'off'
       WHERE s.outcome = 'note'
      UNION ALL
      SELECT r.draft_id, r.variant_id, r.text, r.classification, r.misleading_tags
        FROM shadowed
        JOIN LATERAL (
          SELECT r.* FROM revisions r
           WHERE r.draft_id = shadowed.draft_id AND r.author_kind = 'ai' AND r.story_assessment IS NULL
           ORDER BY r.number DESC LIMIT 1
        ) r ON TRUE
        JOIN drafting_variants v ON v.id = r.variant_id AND v.status <> 'off'
    ), pairs AS (
      SELECT x.draft_id, x.variant_id AS low_id, y.variant_id AS high_id,
             jsonb_build_object('text', x.text, 'classification', x.classification, 'misleadingTags', to_jsonb(x.misleading_tags)) AS low_note,
             jsonb_build_object('text', y.text, 'classification', y.classification, 'misleadingTags', to_jsonb(y.misleading_tags)) AS high_note,
             (SELECT count(*) FROM variant_comparisons c
               WHERE c.draft_id = x.draft_id AND c.low_variant_id = x.variant_id AND c.high_variant_id = y.variant_id AND c.choice IS NOT NULL) AS judged
        FROM entries x JOIN entries y ON y.draft_id = x.draft_id AND x.variant_id < y.variant_id AND x.text <> y.text
       WHERE NOT EXISTS (SELECT 1 FROM variant_comparisons c
                          WHERE c.reviewer_id = ${reviewerId} AND c.draft_id = x.draft_id
                            AND c.low_variant_id = x.variant_id AND c.high_variant_id = y.variant_id)
    )
    INSERT INTO variant_comparisons (id, reviewer_id, draft_id, low_variant_id, high_variant_id, low_on_a, low_note, high_note, shown_at)
    SELECT gen_random_uuid()::text, ${reviewerId}, draft_id, low_id, high_id, ${lowOnA}, low_note, high_note, ${utcNow}
      FROM pairs
     ORDER BY judged, random()
     LIMIT 1
    ON CONFLICT DO NOTHING`;
  return openComparison(db, reviewerId);
}

export const choiceInputSchema = z.object({
  comparisonId: z.string().trim().min(1),
  choice: z.enum(["a", "b", "tie"], { message: "Choose A, B or about the same." }),
});

/**
 * Records the reviewer's choice on their own open comparison, once, with its audit row, and only then
 * says which variant was on which side. The sides come from the stored row, never from the browser.
 */
export async function chooseInComparison(input: z.input<typeof choiceInputSchema>, reviewer: Actor): Promise<ComparisonReveal> {
  const { comparisonId, choice } = choiceInputSchema.parse(input);
  return inTransaction(async (tx) => {
    const [chosen] = await tx.$queryRaw<{ draftId: string; lowVariantId: string; highVariantId: string; lowOnA: boolean }[]>`
      UPDATE variant_comparisons SET choice = ${choice}::"ComparisonChoice", chosen_at = ${utcNow}
       WHERE id = ${comparisonId} AND reviewer_id = ${reviewer.id} AND choice IS NULL
      RETURNING draft_id AS "draftId", low_variant_id AS "lowVariantId", high_variant_id AS "highVariantId", low_on_a AS "lowOnA"`;
    if (!chosen) {
      const mine = await tx.variantComparison.findFirst({ where: { id: comparisonId, reviewerId: reviewer.id }, select: { id: true } });
      throw mine
        ? new DomainError("conflict", "You have already judged this pair; each pair of drafts is judged once per reviewer.")
        : new DomainError("not_found", "This comparison is not yours or no longer exists. Load the next pair.");
    }
    const [aId, bId] = chosen.lowOnA ? [chosen.lowVariantId, chosen.highVariantId] : [chosen.highVariantId, chosen.lowVariantId];
    const winnerId = choice === "tie" ? null : choice === "a" ? aId : bId;
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: "comparison.choose",
      subjectType: "comparison",
      subjectId: comparisonId,
      before: null,
      after: { draftId: chosen.draftId, choice, aVariantId: aId, bVariantId: bId, winnerVariantId: winnerId },
    });
    const variants = await tx.draftingVariant.findMany({ where: { id: { in: [aId, bId] } }, select: { id: true, name: true, status: true } });
    const named = (id: string): { name: string; status: VariantStatus } => {
      const variant = variants.find((v) => v.id === id);
      return variant ? { name: variant.name, status: variant.status } : { name: "a deleted variant", status: "off" };
    };
    return { choice: choice satisfies ComparisonChoice, a: named(aId), b: named(bId) };
  });
}
