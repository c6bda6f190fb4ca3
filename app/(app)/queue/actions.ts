"use server";

import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { noteInputSchema } from "@/lib/note-text";
import { claimDraft, claimNext, releaseClaim, renewClaim } from "@/lib/review/claims";
import { rejectDraft, reopenDraft, skipDraft, undoDecision } from "@/lib/review/decisions";
import { getDraftDetail } from "@/lib/review/detail";
import { listQueue } from "@/lib/review/queue";
import { parseQueueFilters } from "@/lib/review/queue-filters";
import { rejectionSchema } from "@/lib/review/reject-reasons";
import { saveRevision } from "@/lib/review/revisions";
import { previewSeenVersion } from "@/lib/review/submit-preview";
import { addSuggestion, suggestionTextSchema } from "@/lib/review/suggestions";
import { approveAndSubmit } from "@/lib/submission/approve-and-submit";
import { reconcileSubmission } from "@/lib/submission/reconcile";
import { appGateDeps } from "@/lib/gates/evaluate";
import { appNoteSender } from "@/lib/submission/sender";

/** The review queue's server actions: schema, role, one call into lib/review or lib/submission. */

const id = z.string().trim().min(1).max(64);
const version = z.number().int().positive();
const onDraft = z.object({ draftId: id });
const onVersion = z.object({ draftId: id, expectedVersion: version });

export const listQueueAction = defineAction(
  { name: "queue.list", role: "viewer", input: z.object({ filters: z.unknown() }) },
  ({ filters }, { user }) => listQueue(parseQueueFilters(filters), user),
);

export const draftDetailAction = defineAction({ name: "queue.detail", role: "viewer", input: onDraft }, ({ draftId }) => getDraftDetail(draftId));

export const claimAction = defineAction({ name: "queue.claim", role: "reviewer", input: onDraft }, ({ draftId }, { user }) => claimDraft(draftId, user));

export const renewAction = defineAction({ name: "queue.renew", role: "reviewer", input: onDraft }, ({ draftId }, { user }) => renewClaim(draftId, user));

export const releaseAction = defineAction({ name: "queue.release", role: "reviewer", input: onDraft }, ({ draftId }, { user }) => releaseClaim(draftId, user));

/** `after`: the draft the reviewer is leaving; the next one is the first free one after it in the list. */
export const claimNextAction = defineAction(
  { name: "queue.claimNext", role: "reviewer", input: z.object({ filters: z.unknown(), after: id.optional() }) },
  ({ filters, after }, { user }) => claimNext(user, parseQueueFilters(filters), after),
);

export const saveRevisionAction = defineAction(
  {
    name: "queue.saveRevision",
    role: "reviewer",
    input: onVersion.extend({ baseRevisionId: id.nullable(), note: noteInputSchema }),
  },
  ({ draftId, baseRevisionId, expectedVersion, note }, { user }) => saveRevision(draftId, { baseRevisionId, expectedVersion, note }, user),
);

export const suggestAction = defineAction(
  { name: "queue.suggest", role: "reviewer", input: onDraft.extend({ text: suggestionTextSchema }) },
  ({ draftId, text }, { user }) => addSuggestion(draftId, text, user),
);

export const rejectAction = defineAction(
  { name: "queue.reject", role: "reviewer", input: onVersion.extend({ rejection: rejectionSchema }) },
  ({ draftId, expectedVersion, rejection }, { user }) => rejectDraft(draftId, expectedVersion, rejection, user),
);

export const skipAction = defineAction({ name: "queue.skip", role: "reviewer", input: onVersion }, ({ draftId, expectedVersion }, { user }) =>
  skipDraft(draftId, expectedVersion, user),
);

export const undoAction = defineAction({ name: "queue.undo", role: "reviewer", input: onVersion }, ({ draftId, expectedVersion }, { user }) =>
  undoDecision(draftId, expectedVersion, user),
);

export const reopenAction = defineAction({ name: "queue.reopen", role: "reviewer", input: onVersion }, ({ draftId, expectedVersion }, { user }) =>
  reopenDraft(draftId, expectedVersion, user),
);

export const previewAction = defineAction({ name: "queue.preview", role: "reviewer", input: onVersion }, ({ draftId, expectedVersion }) => previewSeenVersion(draftId, expectedVersion));

export const approveAndSubmitAction = defineAction(
  { name: "queue.approveAndSubmit", role: "approver", input: onVersion },
  ({ draftId, expectedVersion }, { user }) =>
    approveAndSubmit(draftId, expectedVersion, user, { sender: appNoteSender(), gates: appGateDeps }),
);

export const reconcileAction = defineAction(
  { name: "queue.reconcile", role: "approver", input: z.object({ submissionId: id }) },
  ({ submissionId }, { user }) => reconcileSubmission(submissionId, { sender: appNoteSender(), gates: appGateDeps }, user),
);
