import "server-only";

import { getDb } from "@/lib/db";

import type { SubmissionPreview } from "./dto";
import { prepareNoteRequest } from "./prepare";

/**
 * For the confirm step: exactly the body an approval now would freeze and send, and the mode, from
 * the same builder approval uses. Refuses (DomainError "blocked") a note that couldn't be sent.
 */
export async function previewSubmission(draftId: string): Promise<SubmissionPreview> {
  const request = await prepareNoteRequest(getDb(), draftId);
  return {
    mode: request.testMode ? "test" : "production",
    body: request.body,
    payloadHash: request.payloadHash,
    warnings: request.warnings.map(({ code, message }) => ({ code, message })),
  };
}
