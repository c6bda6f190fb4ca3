-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "gate_pass_at" TIMESTAMP(3),
ADD COLUMN     "gate_pass_hash" TEXT,
ADD COLUMN     "gate_pass_results" JSONB,
ADD COLUMN     "gate_pass_score" DOUBLE PRECISION;
