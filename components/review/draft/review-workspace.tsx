"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { useToast } from "@/components/ui/toast";
import { roleAtLeast, type Role } from "@/lib/auth/roles";
import type { RatingDto } from "@/lib/ratings/dto";
import type { DraftDetailDto } from "@/lib/review/dto";
import type { QueueFilters } from "@/lib/review/queue-filters";

import { useShortcuts } from "../keyboard/use-shortcuts";
import { draftHref, queueHref } from "../queue-url";
import { AiDraftCard } from "./ai-draft-card";
import { ApproveDialog } from "./approve-dialog";
import type { SendingBudget } from "./budget";
import { DraftRating } from "./draft-rating";
import { DraftStatus } from "./draft-status";
import { HistoryTabs } from "./history-tabs";
import { NoteRequests } from "./note-requests";
import { PostCard } from "./post-card";
import { RejectDialog } from "./reject-dialog";
import { ReviewHeader } from "./review-header";
import { ReviewPanel } from "./review-panel";
import { useAdvance, type Neighbors } from "./use-advance";
import { useClaim } from "./use-claim";
import { useDecisions } from "./use-decisions";
import { useNoteEditor } from "./use-note-editor";

type Props = {
  detail: DraftDetailDto;
  submissionMessage: string | null;
  viewer: { id: string; name: string; role: Role };
  filters: QueueFilters;
  neighbors: Neighbors;
  budget: SendingBudget;
  now: Date;
  /** The viewer's "would I post this as is?" on the AI draft, if they gave one. */
  rating: RatingDto | null;
};

/**
 * One draft under review: the post on the left, the note and decisions on the right, history
 * below. Wires the claim, the editor, the decisions and the keys together; the parts live in
 * their own files.
 */
export function ReviewWorkspace({ detail, submissionMessage, viewer, filters, neighbors, budget, now, rating }: Props) {
  const { draft, post } = detail;
  const router = useRouter();
  const toast = useToast();
  const isReviewer = roleAtLeast(viewer.role, "reviewer");
  const canApprove = roleAtLeast(viewer.role, "approver");
  const inQueue = draft.state === "ready";
  const claim = useClaim(draft.id, isReviewer && inQueue, detail.claim);
  const editor = useNoteEditor(detail);
  const editable = inQueue && claim.kind === "mine";
  const nav = useAdvance(filters, neighbors, isReviewer);
  const subject = post.author.username ? `@${post.author.username}'s post` : "this post";
  const href = draftHref(draft.id, filters);
  const decisions = useDecisions({ draftId: draft.id, version: editor.known.base.version, subject, href, onDone: () => void nav.advance(draft.id) });
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // A page from the back/forward cache can be older than the draft: the claim reports the version it found.
  const pageIsStale = claim.kind === "mine" && claim.version > editor.known.base.version;
  useEffect(() => {
    if (pageIsStale) router.refresh();
  }, [pageIsStale, router]);

  const handlers = {
    save: () =>
      void editor.save().then((outcome) => {
        if (outcome !== "failed") toast.show(outcome === "saved" ? "Saved as a new revision." : "Nothing to save: the note is as last saved.");
      }),
    saveAndNext: () =>
      void editor.saveBeforeLeaving().then((outcome) => {
        if (outcome !== "failed") void nav.advance(draft.id);
      }),
    approve: () => (canApprove ? setDialog("approve") : toast.show("Approving and submitting needs the approver role.")),
    reject: () => setDialog("reject"),
    skip: () => void decisions.skip(),
  };
  useShortcuts({
    j: nav.next,
    k: nav.previous,
    ArrowRight: nav.next,
    ArrowLeft: nav.previous,
    ...(editable && {
      e: () => textRef.current?.focus(),
      a: handlers.approve,
      r: handlers.reject,
      s: handlers.skip,
      "mod+Enter": handlers.saveAndNext,
      "mod+s": handlers.save,
    }),
    // Out of the text field, so single keys work again.
    Escape: () => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement.blur() : false),
  });

  return (
    <div className="flex flex-col gap-4">
      <ReviewHeader
        title={`Draft for ${post.author.username ? `@${post.author.username}` : "a post"}`}
        backHref={queueHref(filters)}
        state={draft.state}
        mode={draft.mode}
        writerName={draft.writer.name}
        previousHref={nav.previousHref}
        nextHref={nav.nextHref}
      />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <PostCard post={post} now={now} />
          <NoteRequests post={post} />
          <AiDraftCard aiDraft={detail.aiDraft} aiDecision={draft.aiDecision} aiRationale={draft.aiRationale} />
          {detail.aiDraft && isReviewer && <DraftRating draftId={draft.id} aiRevisionId={detail.aiDraft.id} initial={rating} />}
        </div>
        <div className="flex flex-col gap-4">
          {inQueue ? (
            <ReviewPanel
              detail={detail}
              editor={editor}
              claim={claim}
              viewerId={viewer.id}
              editable={editable}
              canSuggest={isReviewer}
              canApprove={canApprove}
              busy={editor.saving ? "save" : (decisions.pending ?? (nav.advancing ? "next" : null))}
              handlers={handlers}
              textRef={textRef}
              budget={budget}
              now={now}
            />
          ) : (
            <DraftStatus detail={detail} submissionMessage={submissionMessage} canReview={isReviewer} canApprove={canApprove} />
          )}
        </div>
      </div>
      <HistoryTabs detail={detail} now={now} />
      <RejectDialog open={dialog === "reject"} onClose={() => setDialog(null)} onReject={decisions.reject} />
      <ApproveDialog
        open={dialog === "approve"}
        onClose={(outcome) => {
          setDialog(null);
          if (outcome) router.refresh();
        }}
        note={{ draftId: draft.id, version: editor.known.base.version, revisionId: editor.known.base.revisionId, href, subject }}
        dirty={editor.dirty}
        onSaveFirst={editor.save}
        budget={budget}
        canOverride={roleAtLeast(viewer.role, "admin")}
        onNext={() => void nav.advance(draft.id)}
      />
    </div>
  );
}
