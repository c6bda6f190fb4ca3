import type { AuditEventDto } from "@/lib/audit/list";
import type { AuthorKind, DraftState } from "@/lib/db/enums";
import type { PostExcerptDto } from "@/lib/posts/excerpt";
import type { NoteRequest, PostMedia, ReferencedPost, SuggestedSource } from "@/lib/posts/post";
import type { SubmissionDto } from "@/lib/submission/dto";
import type { TriageBadgeDto } from "@/lib/triage/types";

/**
 * What lib/review hands to pages and actions: plain data, no Prisma records. Types only, so client
 * components may import them.
 */

/** The signed-in person acting; the role was checked by the action before the domain is called. */
export type Actor = { id: string; name: string };

/** A live claim; null everywhere once its lease has run out, because then the draft is free. */
export type ClaimDto = { byId: string; byName: string; since: Date; until: Date };

export type QueueRowDto = {
  id: string;
  state: DraftState;
  version: number;
  readyAt: Date | null;
  aiDecision: string | null;
  post: PostExcerptDto;
  currentRevision: { text: string; classification: string; authorKind: AuthorKind } | null;
  claim: ClaimDto | null;
  /** The post's triage at a glance; null when it was never assessed. */
  triage: TriageBadgeDto | null;
};

export type QueuePage = { rows: QueueRowDto[]; nextCursor: string | null };

export type DraftCounts = Record<DraftState, number>;

/** The queue's tabs: per state, the drafts its list shows; and the posts the "Triaged out" tab lists. */
export type QueueCounts = { states: DraftCounts; triagedOut: number };

export type NoteFields = {
  text: string;
  classification: string;
  misleadingTags: string[];
  trustworthySources: boolean;
};

export type RevisionDto = NoteFields & {
  id: string;
  number: number;
  authorKind: AuthorKind;
  author: { id: string; name: string } | null;
  parentId: string | null;
  createdAt: Date;
  /** AI provenance and reasoning; null on human revisions. */
  ai: {
    provider: string | null;
    model: string | null;
    promptVersion: string | null;
    rationale: string | null;
    storyAssessment: string | null;
    injectionSuspected: boolean;
  } | null;
  /** The local checks computed when the revision was made. */
  checks: unknown;
};

export type SuggestionDto = {
  id: string;
  text: string;
  author: { id: string; name: string };
  disposition: "pending" | "yes" | "no" | "partially";
  dispositionReason: string | null;
  /** The AI revision that answered it. */
  revisionId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

/** A draft as the review view shows it: the post, every revision, suggestions, claim, submission and audit trail. */
export type DraftDetailDto = {
  draft: {
    id: string;
    state: DraftState;
    version: number;
    mode: "test" | "production";
    writer: { id: string; name: string };
    aiDecision: string | null;
    aiRationale: string | null;
    failureReason: string | null;
    readyAt: Date | null;
    decidedBy: { id: string; name: string } | null;
    decidedAt: Date | null;
    rejectReason: string | null;
    rejectNote: string | null;
  };
  /** The post as a reader sees it on X, with what X sent around it. */
  post: {
    id: string;
    url: string;
    text: string;
    author: { id: string | null; username: string | null; name: string | null };
    postedAt: Date | null;
    lang: string | null;
    mediaType: string;
    media: PostMedia[];
    referencedPosts: ReferencedPost[];
    noteRequests: NoteRequest[];
    suggestedSources: SuggestedSource[];
    matchedMediaNotes: { noteId: string; matchStatus: string }[];
  };
  /** The first AI revision, with its rationale and checks: what the diff compares against. */
  aiDraft: RevisionDto | null;
  current: RevisionDto | null;
  /** Every revision, oldest first. */
  revisions: RevisionDto[];
  suggestions: SuggestionDto[];
  claim: ClaimDto | null;
  submission: SubmissionDto | null;
  /** The draft's and its submission's history, oldest first. */
  audit: AuditEventDto[];
};
