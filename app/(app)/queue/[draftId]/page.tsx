import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ReviewWorkspace } from "@/components/review/draft/review-workspace";
import { requirePageRole } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { approvalsRemainingToday } from "@/lib/notes/approvals-remaining";
import { ratingOf } from "@/lib/ratings/read";
import { getDraftDetail } from "@/lib/review/detail";
import { parseQueueFilters } from "@/lib/review/queue-filters";
import { createsInLastDay, DAILY_CREATE_LIMIT } from "@/lib/submission/budget";
import { describeSubmission } from "@/lib/submission/read";

import { queueNeighbors } from "./neighbors";

type Props = {
  params: Promise<{ draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Review draft" };

export default async function DraftPage({ params, searchParams }: Props) {
  const { draftId } = await params;
  const user = await requirePageRole("viewer", `/queue/${draftId}`);
  const filters = parseQueueFilters(await searchParams);
  const detail = await getDraftDetail(draftId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  });
  const writerId = detail.draft.writer.id;
  const [neighbors, creates, approvals, rating] = await Promise.all([
    queueNeighbors(detail.draft, filters, user),
    createsInLastDay(writerId),
    // X's writing limit applies to production notes only, and its estimate reads the writer's notes.
    detail.draft.mode === "production" ? approvalsRemainingToday(writerId) : null,
    ratingOf(draftId, user.id),
  ]);
  return (
    <ReviewWorkspace
      key={detail.draft.id}
      detail={detail}
      submissionMessage={detail.submission && describeSubmission(detail.submission)}
      viewer={{ id: user.id, name: user.name, role: user.role }}
      filters={filters}
      neighbors={neighbors}
      budget={{ creates: { used: creates.used, limit: DAILY_CREATE_LIMIT }, approvals: approvals && { remaining: approvals.remaining, limit: approvals.limit } }}
      now={new Date()}
      rating={rating}
    />
  );
}
