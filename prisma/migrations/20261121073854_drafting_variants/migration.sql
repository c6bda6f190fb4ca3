-- CreateEnum
CREATE TYPE "VariantStatus" AS ENUM ('live', 'shadow', 'off');

-- CreateEnum
CREATE TYPE "ShadowDraftOutcome" AS ENUM ('note', 'abstain', 'failed');

-- CreateEnum
CREATE TYPE "ComparisonChoice" AS ENUM ('a', 'b', 'tie');

-- AlterTable
ALTER TABLE "revisions" ADD COLUMN     "variant_id" TEXT;

-- CreateTable
CREATE TABLE "drafting_variants" (
    "id" TEXT NOT NULL,
    "writer_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT,
    "temperature" DOUBLE PRECISION NOT NULL,
    "status" "VariantStatus" NOT NULL DEFAULT 'shadow',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drafting_variants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shadow_drafts" (
    "id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "outcome" "ShadowDraftOutcome" NOT NULL,
    "decision" TEXT,
    "text" TEXT,
    "classification" TEXT,
    "misleading_tags" TEXT[],
    "trustworthy_sources" BOOLEAN,
    "rationale" TEXT,
    "failure_reason" TEXT,
    "raw_output" TEXT,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "checks" JSONB NOT NULL DEFAULT '{}',
    "injection_suspected" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shadow_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "variant_comparisons" (
    "id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "low_variant_id" TEXT NOT NULL,
    "high_variant_id" TEXT NOT NULL,
    "low_on_a" BOOLEAN NOT NULL,
    "low_note" JSONB NOT NULL,
    "high_note" JSONB NOT NULL,
    "choice" "ComparisonChoice",
    "shown_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chosen_at" TIMESTAMP(3),

    CONSTRAINT "variant_comparisons_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "drafting_variants_writer_id_name_key" ON "drafting_variants"("writer_id", "name");

-- CreateIndex
CREATE INDEX "shadow_drafts_draft_id_idx" ON "shadow_drafts"("draft_id");

-- CreateIndex
CREATE UNIQUE INDEX "shadow_drafts_variant_id_draft_id_key" ON "shadow_drafts"("variant_id", "draft_id");

-- CreateIndex
CREATE INDEX "variant_comparisons_draft_id_low_variant_id_high_variant_id_idx" ON "variant_comparisons"("draft_id", "low_variant_id", "high_variant_id");

-- CreateIndex
CREATE UNIQUE INDEX "variant_comparisons_reviewer_id_draft_id_low_variant_id_hig_key" ON "variant_comparisons"("reviewer_id", "draft_id", "low_variant_id", "high_variant_id");

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "drafting_variants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafting_variants" ADD CONSTRAINT "drafting_variants_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shadow_drafts" ADD CONSTRAINT "shadow_drafts_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "drafting_variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shadow_drafts" ADD CONSTRAINT "shadow_drafts_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_comparisons" ADD CONSTRAINT "variant_comparisons_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_comparisons" ADD CONSTRAINT "variant_comparisons_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_comparisons" ADD CONSTRAINT "variant_comparisons_low_variant_id_fkey" FOREIGN KEY ("low_variant_id") REFERENCES "drafting_variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_comparisons" ADD CONSTRAINT "variant_comparisons_high_variant_id_fkey" FOREIGN KEY ("high_variant_id") REFERENCES "drafting_variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one live variant per writer, checked when the transaction commits (a promotion demotes the
-- old live variant and promotes the new one in between). The writer's row is locked first, so two
-- commits for one writer are judged one after the other and the second sees the first's variants.
-- A trigger rather than a partial unique index: the schema engine this project migrates with cannot
-- read an index predicate back, so such an index would show as drift forever (docs/variants.md).
CREATE FUNCTION drafting_variants_check_live() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  writer text := CASE WHEN TG_OP = 'DELETE' THEN OLD.writer_id ELSE NEW.writer_id END;
  live integer;
BEGIN
  PERFORM 1 FROM writers WHERE id = writer FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM drafting_variants WHERE writer_id = writer) THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO live FROM drafting_variants WHERE writer_id = writer AND status = 'live';
  IF live = 0 THEN
    RAISE EXCEPTION 'writer % would have no live drafting variant', writer USING ERRCODE = 'check_violation';
  ELSIF live > 1 THEN
    RAISE EXCEPTION 'writer % would have % live drafting variants', writer, live USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER drafting_variants_one_live
  AFTER INSERT OR UPDATE OR DELETE ON drafting_variants
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION drafting_variants_check_live();

-- Today's configuration becomes each writer's live variant: draft-v1 at its temperature, on the model
-- the environment configures. Existing AI revisions were made by exactly that.
INSERT INTO "drafting_variants" ("id", "writer_id", "name", "prompt_version", "provider", "model", "temperature", "status")
SELECT gen_random_uuid()::text, "id", 'Default', 'draft-v1', 'env', NULL, 0.3, 'live' FROM "writers";

UPDATE "revisions" AS r SET "variant_id" = v."id"
  FROM "drafts" AS d, "drafting_variants" AS v
 WHERE r."draft_id" = d."id" AND v."writer_id" = d."writer_id" AND v."status" = 'live' AND r."author_kind" = 'ai';
