-- CreateTable
CREATE TABLE "draft_ratings" (
    "draft_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "revision_id" TEXT NOT NULL,
    "would_post" BOOLEAN NOT NULL,
    "rated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_ratings_pkey" PRIMARY KEY ("draft_id","reviewer_id")
);

-- CreateIndex
CREATE INDEX "draft_ratings_revision_id_idx" ON "draft_ratings"("revision_id");

-- AddForeignKey
ALTER TABLE "draft_ratings" ADD CONSTRAINT "draft_ratings_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_ratings" ADD CONSTRAINT "draft_ratings_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_ratings" ADD CONSTRAINT "draft_ratings_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
