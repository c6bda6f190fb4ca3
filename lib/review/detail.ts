import "server-only";

import { z } from "zod";

import { listAuditEvents } from "@/lib/audit/list";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import {
  matchedMediaNoteSchema,
  noteRequestSchema,
  postMediaSchema,
  referencedPostSchema,
  suggestedSourceSchema,
} from "@/lib/posts/post";
import { postUrlOnX } from "@/lib/posts/url";
import { findSubmission } from "@/lib/submission/read";

import type { DraftDetailDto } from "./dto";
import { revisionSelect, toRevisionDto } from "./revision-read";
import { listSuggestions } from "./suggestions";

/** A JSON column kept as ingest wrote it; a malformed one shows as empty rather than failing the page. */
const listOf = <T extends z.ZodType>(item: T) => z.array(item).catch([]);

export async function getDraftDetail(draftId: string): Promise<DraftDetailDto> {
  const row = await getDb().draft.findUnique({
    where: { id: draftId },
    select: {
      id: true,
      state: true,
      version: true,
      testMode: true,
      writer: { select: { id: true, name: true } },
      aiDecision: true,
      aiRationale: true,
      failureReason: true,
      readyAt: true,
      decidedBy: { select: { id: true, name: true } },
      decidedAt: true,
      rejectReason: true,
      rejectNote: true,
      currentRevisionId: true,
      claimedBy: { select: { id: true, name: true } },
      claimedAt: true,
      claimedUntil: true,
      post: {
        select: {
          id: true,
          text: true,
          authorId: true,
          authorUsername: true,
          authorName: true,
          postedAt: true,
          lang: true,
          mediaType: true,
          media: true,
          referencedPosts: true,
          noteRequests: true,
          suggestedSources: true,
          matchedMediaNotes: true,
        },
      },
      revisions: { select: revisionSelect, orderBy: { number: "asc" } },
      submission: { select: { id: true } },
    },
  });
  if (!row) throw new DomainError("not_found", "This draft no longer exists.");

  const { post, revisions: revisionRows, submission, claimedBy, claimedAt, claimedUntil, currentRevisionId, testMode, ...draft } = row;
  const revisions = revisionRows.map(toRevisionDto);
  const [suggestions, audit, submissionDto] = await Promise.all([
    listSuggestions(draftId),
    listAuditEvents([{ type: "draft", id: draftId }, ...(submission ? [{ type: "submission" as const, id: submission.id }] : [])]),
    submission ? findSubmission({ id: submission.id }) : null,
  ]);

  return {
    draft: { ...draft, mode: testMode ? "test" : "production" },
    post: {
      id: post.id,
      url: postUrlOnX(post.id, post.authorUsername),
      text: post.text,
      author: { id: post.authorId, username: post.authorUsername, name: post.authorName },
      postedAt: post.postedAt,
      lang: post.lang,
      mediaType: post.mediaType,
      media: listOf(postMediaSchema).parse(post.media),
      referencedPosts: listOf(referencedPostSchema).parse(post.referencedPosts),
      noteRequests: listOf(noteRequestSchema).parse(post.noteRequests),
      suggestedSources: listOf(suggestedSourceSchema).parse(post.suggestedSources),
      matchedMediaNotes: listOf(matchedMediaNoteSchema).parse(post.matchedMediaNotes),
    },
    aiDraft: revisions.find((r) => r.authorKind === "ai") ?? null,
    current: revisions.find((r) => r.id === currentRevisionId) ?? null,
    revisions,
    suggestions,
    // Shown as free once the lease has run out, as the queue shows it.
    claim:
      claimedBy && claimedAt && claimedUntil && claimedUntil.getTime() >= Date.now()
        ? { byId: claimedBy.id, byName: claimedBy.name, since: claimedAt, until: claimedUntil }
        : null,
    submission: submissionDto,
    audit,
  };
}
