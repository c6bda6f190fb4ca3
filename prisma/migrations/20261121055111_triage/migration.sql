-- CreateTable
CREATE TABLE "post_triage" (
    "post_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "checkability" DOUBLE PRECISION NOT NULL,
    "machine_verdict" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "assessed_by" TEXT NOT NULL,
    "model" TEXT,
    "prompt_version" TEXT,
    "priority_base" DOUBLE PRECISION NOT NULL,
    "priority_factors" JSONB NOT NULL DEFAULT '{}',
    "aged_from" TIMESTAMP(3) NOT NULL,
    "priority_key" DOUBLE PRECISION NOT NULL,
    "triaged_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "overturned_by_id" TEXT,
    "overturned_at" TIMESTAMP(3),
    "overturn_reason" TEXT,

    CONSTRAINT "post_triage_pkey" PRIMARY KEY ("post_id")
);

-- CreateIndex
CREATE INDEX "post_triage_verdict_priority_key_idx" ON "post_triage"("verdict", "priority_key" DESC);

-- AddForeignKey
ALTER TABLE "post_triage" ADD CONSTRAINT "post_triage_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_triage" ADD CONSTRAINT "post_triage_overturned_by_id_fkey" FOREIGN KEY ("overturned_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
