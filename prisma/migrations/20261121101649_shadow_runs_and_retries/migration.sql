-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "variant_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "shadow_drafts" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "run_id" TEXT;

-- AddForeignKey
ALTER TABLE "shadow_drafts" ADD CONSTRAINT "shadow_drafts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "job_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
