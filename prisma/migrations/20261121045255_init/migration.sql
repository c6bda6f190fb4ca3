-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'reviewer', 'approver', 'admin');

-- CreateEnum
CREATE TYPE "DraftState" AS ENUM ('new', 'drafting', 'ready', 'approved', 'submitting', 'submitted', 'no_note', 'rejected', 'skipped', 'failed', 'needs_reconcile');

-- CreateEnum
CREATE TYPE "AuthorKind" AS ENUM ('ai', 'human');

-- CreateEnum
CREATE TYPE "SuggestionDisposition" AS ENUM ('pending', 'yes', 'no', 'partially');

-- CreateEnum
CREATE TYPE "SubmissionState" AS ENUM ('pending', 'sending', 'succeeded', 'failed', 'needs_reconcile');

-- CreateEnum
CREATE TYPE "JobRunState" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "writers" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credentials" TEXT NOT NULL DEFAULT 'env',
    "test_mode" BOOLEAN NOT NULL DEFAULT true,
    "feed_size" TEXT NOT NULL DEFAULT 'small',
    "feed_lang" TEXT NOT NULL DEFAULT 'en',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "writers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posts" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" TEXT,
    "author_username" TEXT,
    "author_name" TEXT,
    "posted_at" TIMESTAMP(3),
    "lang" TEXT,
    "media_type" TEXT NOT NULL DEFAULT 'none',
    "media" JSONB NOT NULL DEFAULT '[]',
    "referenced_posts" JSONB NOT NULL DEFAULT '[]',
    "note_requests" JSONB NOT NULL DEFAULT '[]',
    "note_request_count" INTEGER NOT NULL DEFAULT 0,
    "suggested_sources" JSONB NOT NULL DEFAULT '[]',
    "matched_media_notes" JSONB NOT NULL DEFAULT '[]',
    "public_metrics" JSONB,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eligibility" (
    "writer_id" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_run_id" TEXT,

    CONSTRAINT "eligibility_pkey" PRIMARY KEY ("writer_id","test_mode","post_id")
);

-- CreateTable
CREATE TABLE "drafts" (
    "id" TEXT NOT NULL,
    "writer_id" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "state" "DraftState" NOT NULL DEFAULT 'new',
    "version" INTEGER NOT NULL DEFAULT 1,
    "current_revision_id" TEXT,
    "ai_decision" TEXT,
    "ai_rationale" TEXT,
    "failure_reason" TEXT,
    "raw_output" TEXT,
    "claimed_by_id" TEXT,
    "claimed_at" TIMESTAMP(3),
    "claimed_until" TIMESTAMP(3),
    "ready_at" TIMESTAMP(3),
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "reject_reason" TEXT,
    "reject_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revisions" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "author_kind" "AuthorKind" NOT NULL,
    "author_id" TEXT,
    "parent_id" TEXT,
    "text" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "misleading_tags" TEXT[],
    "trustworthy_sources" BOOLEAN NOT NULL,
    "provider" TEXT,
    "model" TEXT,
    "prompt_version" TEXT,
    "latency_ms" INTEGER,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "rationale" TEXT,
    "story_assessment" TEXT,
    "checks" JSONB NOT NULL DEFAULT '{}',
    "injection_suspected" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suggestions" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "disposition" "SuggestionDisposition" NOT NULL DEFAULT 'pending',
    "disposition_reason" TEXT,
    "revision_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "writer_id" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_body" JSONB NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "state" "SubmissionState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "x_note_id" TEXT,
    "response" JSONB,
    "last_error" TEXT,
    "approved_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "written_notes" (
    "id" TEXT NOT NULL,
    "writer_id" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "misleading_tags" TEXT[],
    "trustworthy_sources" BOOLEAN NOT NULL,
    "status" TEXT,
    "claim_opinion" TEXT,
    "url_validity" TEXT,
    "harassment_abuse" TEXT,
    "evaluator_results" JSONB NOT NULL DEFAULT '[]',
    "submission_id" TEXT,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "written_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "note_id" TEXT NOT NULL,
    "observed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT,
    "claim_opinion" TEXT,
    "url_validity" TEXT,
    "harassment_abuse" TEXT,
    "evaluator_results" JSONB NOT NULL DEFAULT '[]',
    "claim_opinion_score" DOUBLE PRECISION,

    CONSTRAINT "note_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "writer_id" TEXT,
    "test_mode" BOOLEAN,
    "state" "JobRunState" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "triggered_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "writers_name_key" ON "writers"("name");

-- CreateIndex
CREATE INDEX "posts_lang_idx" ON "posts"("lang");

-- CreateIndex
CREATE INDEX "eligibility_writer_id_test_mode_first_seen_at_idx" ON "eligibility"("writer_id", "test_mode", "first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "drafts_current_revision_id_key" ON "drafts"("current_revision_id");

-- CreateIndex
CREATE INDEX "drafts_state_ready_at_id_idx" ON "drafts"("state", "ready_at", "id");

-- CreateIndex
CREATE INDEX "drafts_writer_id_state_ready_at_id_idx" ON "drafts"("writer_id", "state", "ready_at", "id");

-- CreateIndex
CREATE INDEX "drafts_claimed_by_id_claimed_until_idx" ON "drafts"("claimed_by_id", "claimed_until");

-- CreateIndex
CREATE UNIQUE INDEX "drafts_writer_id_post_id_test_mode_key" ON "drafts"("writer_id", "post_id", "test_mode");

-- CreateIndex
CREATE UNIQUE INDEX "revisions_draft_id_number_key" ON "revisions"("draft_id", "number");

-- CreateIndex
CREATE INDEX "suggestions_draft_id_created_at_idx" ON "suggestions"("draft_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_draft_id_key" ON "submissions"("draft_id");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_idempotency_key_key" ON "submissions"("idempotency_key");

-- CreateIndex
CREATE INDEX "submissions_state_updated_at_idx" ON "submissions"("state", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_writer_id_post_id_test_mode_key" ON "submissions"("writer_id", "post_id", "test_mode");

-- CreateIndex
CREATE UNIQUE INDEX "written_notes_submission_id_key" ON "written_notes"("submission_id");

-- CreateIndex
CREATE INDEX "written_notes_writer_id_test_mode_first_seen_at_idx" ON "written_notes"("writer_id", "test_mode", "first_seen_at");

-- CreateIndex
CREATE INDEX "written_notes_post_id_idx" ON "written_notes"("post_id");

-- CreateIndex
CREATE INDEX "note_snapshots_note_id_observed_at_idx" ON "note_snapshots"("note_id", "observed_at");

-- CreateIndex
CREATE INDEX "note_snapshots_observed_at_idx" ON "note_snapshots"("observed_at");

-- CreateIndex
CREATE INDEX "audit_events_subject_type_subject_id_at_idx" ON "audit_events"("subject_type", "subject_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "job_runs_kind_created_at_idx" ON "job_runs"("kind", "created_at");

-- CreateIndex
CREATE INDEX "job_runs_state_created_at_idx" ON "job_runs"("state", "created_at");

-- AddForeignKey
ALTER TABLE "eligibility" ADD CONSTRAINT "eligibility_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eligibility" ADD CONSTRAINT "eligibility_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_current_revision_id_fkey" FOREIGN KEY ("current_revision_id") REFERENCES "revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "written_notes" ADD CONSTRAINT "written_notes_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "written_notes" ADD CONSTRAINT "written_notes_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "written_notes" ADD CONSTRAINT "written_notes_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_snapshots" ADD CONSTRAINT "note_snapshots_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "written_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "writers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
