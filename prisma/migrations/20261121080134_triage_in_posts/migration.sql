-- Triage moves into columns of posts (docs/triage.md): ingestion writes one row per post instead of two.
-- Every post_triage row is copied first. The reasons are no longer stored (they are derived from the post
-- when shown), except the model's opinion and the one signal that pulled hardest towards out. Drafts get a
-- copy of their post's priority key, which two triggers keep equal to the post's.
-- DropForeignKey
ALTER TABLE "post_triage" DROP CONSTRAINT "post_triage_overturned_by_id_fkey";

-- DropForeignKey
ALTER TABLE "post_triage" DROP CONSTRAINT "post_triage_post_id_fkey";

-- AlterTable
ALTER TABLE "drafts" ADD COLUMN     "priority_key" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "checkability" DOUBLE PRECISION,
ADD COLUMN     "machine_verdict" TEXT,
ADD COLUMN     "overturn_reason" TEXT,
ADD COLUMN     "overturned_at" TIMESTAMP(3),
ADD COLUMN     "overturned_by_id" TEXT,
ADD COLUMN     "priority_key" DOUBLE PRECISION,
ADD COLUMN     "triage_model" TEXT,
ADD COLUMN     "triage_model_checkable" BOOLEAN,
ADD COLUMN     "triage_model_reason" TEXT,
ADD COLUMN     "triage_prompt_version" TEXT,
ADD COLUMN     "triage_against" TEXT,
ADD COLUMN     "triage_verdict" TEXT,
ADD COLUMN     "triaged_at" TIMESTAMP(3);

-- Copy every assessment and overturn. A model reason holds the model's answer: checkable when it pulled up.
UPDATE "posts" AS p
   SET "checkability" = t."checkability",
       "triage_verdict" = t."verdict",
       "machine_verdict" = t."machine_verdict",
       "priority_key" = t."priority_key",
       "triaged_at" = t."triaged_at",
       "triage_against" = CASE WHEN t."machine_verdict" = 'out' THEN (
         SELECT r ->> 'signal' FROM jsonb_array_elements(t."reasons") AS r
          WHERE r ->> 'blocking' = 'true' OR (r ->> 'weight')::float8 < 0
          ORDER BY coalesce(r ->> 'blocking' = 'true', false) DESC, (r ->> 'weight')::float8
          LIMIT 1) END,
       "triage_model" = t."model",
       "triage_prompt_version" = t."prompt_version",
       "triage_model_checkable" = (m.reason ->> 'weight')::float8 > 0,
       "triage_model_reason" = m.reason -> 'evidence' ->> 0,
       "overturned_by_id" = t."overturned_by_id",
       "overturned_at" = t."overturned_at",
       "overturn_reason" = t."overturn_reason"
  FROM "post_triage" AS t
  LEFT JOIN LATERAL (
    SELECT r AS reason FROM jsonb_array_elements(t."reasons") AS r WHERE r ->> 'signal' = 'model' LIMIT 1
  ) AS m ON t."assessed_by" = 'llm'
 WHERE p."id" = t."post_id";

UPDATE "drafts" AS d SET "priority_key" = p."priority_key" FROM "posts" AS p WHERE p."id" = d."post_id" AND p."priority_key" IS NOT NULL;

-- DropTable
DROP TABLE "post_triage";

-- CreateIndex
CREATE INDEX "drafts_state_priority_key_id_idx" ON "drafts"("state", "priority_key", "id");

-- CreateIndex
CREATE INDEX "drafts_writer_id_state_priority_key_id_idx" ON "drafts"("writer_id", "state", "priority_key", "id");

-- CreateIndex
CREATE INDEX "drafts_post_id_idx" ON "drafts"("post_id");

-- CreateIndex
CREATE INDEX "posts_triaged_out_idx" ON "posts"("priority_key", "id") WHERE (triage_verdict = 'out');

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_overturned_by_id_fkey" FOREIGN KEY ("overturned_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- drafts.priority_key is its post's, always: taken when a draft is made, and following every re-triage of
-- the post. Triggers rather than each writer of posts: ingestion pays nothing for new posts (which have no
-- drafts), and no path that re-triages a post can forget its drafts.
CREATE FUNCTION "draft_takes_post_priority"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."priority_key" := (SELECT "priority_key" FROM "posts" WHERE "id" = NEW."post_id");
  RETURN NEW;
END $$;

CREATE TRIGGER "drafts_take_post_priority" BEFORE INSERT ON "drafts"
  FOR EACH ROW EXECUTE FUNCTION "draft_takes_post_priority"();

CREATE FUNCTION "post_priority_to_drafts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "drafts" SET "priority_key" = NEW."priority_key" WHERE "post_id" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "posts_priority_to_drafts" AFTER UPDATE OF "priority_key" ON "posts"
  FOR EACH ROW WHEN (OLD."priority_key" IS DISTINCT FROM NEW."priority_key") EXECUTE FUNCTION "post_priority_to_drafts"();
