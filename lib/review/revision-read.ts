import "server-only";

import type { Prisma } from "@/lib/db";

import type { RevisionDto } from "./dto";

/** The narrow select every revision DTO is made from. */
export const revisionSelect = {
  id: true,
  number: true,
  authorKind: true,
  author: { select: { id: true, name: true } },
  parentId: true,
  text: true,
  classification: true,
  misleadingTags: true,
  trustworthySources: true,
  createdAt: true,
  provider: true,
  model: true,
  promptVersion: true,
  rationale: true,
  storyAssessment: true,
  injectionSuspected: true,
  checks: true,
} as const satisfies Prisma.RevisionSelect;

type SelectedRevision = Prisma.RevisionGetPayload<{ select: typeof revisionSelect }>;

export function toRevisionDto(revision: SelectedRevision): RevisionDto {
  const { provider, model, promptVersion, rationale, storyAssessment, injectionSuspected, ...rest } = revision;
  return {
    ...rest,
    ai: revision.authorKind === "ai" ? { provider, model, promptVersion, rationale, storyAssessment, injectionSuspected } : null,
  };
}
