import "server-only";

import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { SubmissionPreview } from "@/lib/submission/dto";
import { previewSubmission } from "@/lib/submission/preview";

export const CHANGED_SINCE_LOADED = "This draft changed since this page loaded, so the request it would send is not the one this page shows. Show the latest version to check it before approving.";

/**
 * The confirm dialog's request, for the version the reviewer's page shows: approval refuses any
 * other version (lib/review/move-draft), so showing the newer draft's request would promise what the
 * click can't send. The version is read after the request is built: a draft's version only grows
 * and the page saw `seenVersion`, so the same number now means the request was built from it.
 */
export async function previewSeenVersion(draftId: string, seenVersion: number): Promise<SubmissionPreview> {
  // A refusal (no text, the mode) is about the draft as it is now: the page's version is checked first.
  const built = await previewSubmission(draftId).catch((refusal: unknown) => ({ refusal }));
  const draft = await getDb().draft.findUnique({ where: { id: draftId }, select: { version: true } });
  if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
  if (draft.version !== seenVersion) throw new DomainError("conflict", CHANGED_SINCE_LOADED);
  if ("refusal" in built) throw built.refusal;
  return built;
}
