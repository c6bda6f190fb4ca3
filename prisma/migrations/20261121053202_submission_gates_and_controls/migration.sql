-- AlterTable
ALTER TABLE "writers" ADD COLUMN     "claim_opinion_min_score" DOUBLE PRECISION,
ADD COLUMN     "llm_daily_budget_micros" BIGINT,
ADD COLUMN     "llm_monthly_budget_micros" BIGINT;

-- CreateTable
CREATE TABLE "emergency_stop" (
    "id" TEXT NOT NULL DEFAULT 'global',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "set_by_id" TEXT,
    "set_at" TIMESTAMP(3),

    CONSTRAINT "emergency_stop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gate_overrides" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "gate" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMP(3),
    "used_for_submission_id" TEXT,

    CONSTRAINT "gate_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_checks" (
    "mode" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status" INTEGER,
    "final_url" TEXT,
    "redirects" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "checked_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "link_checks_pkey" PRIMARY KEY ("mode","url")
);

-- CreateTable
CREATE TABLE "note_evaluations" (
    "post_id" TEXT NOT NULL,
    "text_hash" TEXT NOT NULL,
    "claim_opinion_score" DOUBLE PRECISION NOT NULL,
    "evaluated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_evaluations_pkey" PRIMARY KEY ("post_id","text_hash")
);

-- CreateTable
CREATE TABLE "llm_calls" (
    "id" BIGSERIAL NOT NULL,
    "writer_id" TEXT,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cost_micros" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_prices" (
    "model" TEXT NOT NULL,
    "input_micros_per_million_tokens" INTEGER NOT NULL,
    "output_micros_per_million_tokens" INTEGER NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_prices_pkey" PRIMARY KEY ("model")
);

-- CreateIndex
CREATE INDEX "gate_overrides_draft_id_payload_hash_idx" ON "gate_overrides"("draft_id", "payload_hash");

-- CreateIndex
CREATE INDEX "link_checks_expires_at_idx" ON "link_checks"("expires_at");

-- CreateIndex
CREATE INDEX "llm_calls_writer_id_at_idx" ON "llm_calls"("writer_id", "at");

-- CreateIndex
CREATE INDEX "llm_calls_at_idx" ON "llm_calls"("at");

-- AddForeignKey
ALTER TABLE "emergency_stop" ADD CONSTRAINT "emergency_stop_set_by_id_fkey" FOREIGN KEY ("set_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_used_for_submission_id_fkey" FOREIGN KEY ("used_for_submission_id") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_calls" ADD CONSTRAINT "llm_calls_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_prices" ADD CONSTRAINT "llm_prices_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
