import "server-only";

import { getDb, type Prisma, type SubmissionState } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/review/sql";

import type { SubmissionDto, SubmitOutcomeDto } from "./dto";

export const submissionSelect = {
  id: true,
  draftId: true,
  state: true,
  testMode: true,
  attempts: true,
  xNoteId: true,
  lastError: true,
  approvedBy: { select: { id: true, name: true } },
  requestBody: true,
  createdAt: true,
  completedAt: true,
} as const satisfies Prisma.SubmissionSelect;

type SelectedSubmission = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;

export function toSubmissionDto({ testMode, ...rest }: SelectedSubmission): SubmissionDto {
  return { ...rest, mode: testMode ? "test" : "production" };
}

export async function findSubmission(where: Prisma.SubmissionWhereUniqueInput, tx: Tx = getDb()): Promise<SubmissionDto | null> {
  const submission = await tx.submission.findUnique({ where, select: submissionSelect });
  return submission && toSubmissionDto(submission);
}

/** The submission and its draft as they stand now, with the sentence the UI shows. */
export async function currentOutcome(submissionId: string, sent: boolean, tx: Tx = getDb()): Promise<SubmitOutcomeDto> {
  const row = await tx.submission.findUnique({
    where: { id: submissionId },
    select: { ...submissionSelect, draft: { select: { id: true, state: true, version: true } } },
  });
  if (!row) throw new DomainError("not_found", "This submission no longer exists.");
  const { draft, ...submission } = row;
  const dto = toSubmissionDto(submission);
  return { submission: dto, draft, sent, message: describeSubmission(dto) };
}

/** What the person at the confirm button reads for each state. */
const sentenceFor: Record<SubmissionState, (s: SubmissionDto) => string> = {
  pending: (s) => (s.lastError ? `Approved, not sent yet. ${s.lastError}` : "Approved, not sent yet."),
  sending: () => "Being sent to X…",
  succeeded: (s) => `Submitted to X in ${s.mode} mode${s.xNoteId ? ` as note ${s.xNoteId}` : ""}.`,
  failed: (s) => `${s.lastError ?? "The submission failed."} Reopen the draft to edit it and approve again.`,
  needs_reconcile: (s) =>
    `It is unknown whether X created the note${s.lastError ? ` (${s.lastError})` : ""}. Reconcile checks X's list of this writer's notes before anything is sent again.`,
};

export function describeSubmission(submission: SubmissionDto): string {
  return sentenceFor[submission.state](submission);
}
