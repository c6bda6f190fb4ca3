import "server-only";

import { defaultRetryPolicy, type RetryPolicy } from "./backoff";
import { createNote, type CreateNoteOutcome, type NewNote } from "./endpoints/create-note";
import { deleteNote } from "./endpoints/delete-note";
import { getEligiblePosts, type EligiblePostsPage, type EligiblePostsQuery } from "./endpoints/eligible-posts";
import { createNoteEvaluator, type EvaluateNote } from "./endpoints/evaluate-note";
import { getNotesWritten, type NotesWrittenPage, type NotesWrittenQuery } from "./endpoints/notes-written";
import { fetchExchange, nodeHttpExchange } from "./http-exchange";
import type { NormalizedWrittenNote } from "./normalize-note";
import { paginate, type PageLimits } from "./pagination";
import { createRateBudget, type RateBudget } from "./rate-budget";
import { createTransport, type RateLimitStatus, type XAuth } from "./transport";

export type XClientOptions = {
  /** https://api.x.com, or the simulator's URL. */
  baseUrl: string;
  auth: XAuth;
  /** Per attempt, body included. Default 30 s. */
  timeoutMs?: number;
  /** Stands in for X (tests, tools). Without it, calls go through node:http(s) on keep-alive sockets. */
  fetch?: typeof fetch;
  /** Epoch milliseconds. Signs OAuth timestamps and times rate-limit windows. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); jitters retry delays. */
  random?: () => number;
  retry?: RetryPolicy;
  /** The longest a request waits for a rate limit to reset before failing as rate_limited. Default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Pass the same budget to every client of one writer so they count together. */
  rateBudget?: RateBudget;
};

export type XClient = {
  getEligiblePosts(query: EligiblePostsQuery): Promise<EligiblePostsPage>;
  /** From `paginationToken` (or the newest post) on, page after page. */
  iterateEligiblePosts(query: EligiblePostsQuery & PageLimits<EligiblePostsPage>): AsyncGenerator<EligiblePostsPage, void, undefined>;
  /** Sent exactly once, never retried: see CreateNoteOutcome. */
  createNote(note: NewNote): Promise<CreateNoteOutcome>;
  getNotesWritten(query: NotesWrittenQuery): Promise<NotesWrittenPage>;
  iterateNotesWritten(query: NotesWrittenQuery & PageLimits<NotesWrittenPage>): AsyncGenerator<NotesWrittenPage, void, undefined>;
  /** The writer's note on a post, if X has one: how an `unknown` submission outcome is settled. */
  findWrittenNoteForPost(postId: string, testMode: boolean): Promise<NormalizedWrittenNote | null>;
  evaluateNote: EvaluateNote;
  deleteNote(noteId: string): Promise<{ deleted: boolean }>;
  /** What is left of the writer's budgets, as last counted and reported by X. */
  rateLimitStatus(): RateLimitStatus;
};

/** notes_written pages of 100 (X's maximum) up to 10,000 notes: more than a writer's notes in any mode. */
const RECONCILE_PAGE_SIZE = 100;
const RECONCILE_MAX_PAGES = 100;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createXClient(options: XClientOptions): XClient {
  const transport = createTransport({
    baseUrl: options.baseUrl,
    auth: options.auth,
    timeoutMs: options.timeoutMs ?? 30_000,
    exchange: options.fetch ? fetchExchange(options.fetch) : nodeHttpExchange,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    retry: options.retry ?? defaultRetryPolicy,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000,
    budget: options.rateBudget ?? createRateBudget(),
  });

  const client: XClient = {
    getEligiblePosts: (query) => getEligiblePosts(transport, query),
    iterateEligiblePosts: ({ maxPages, stopWhen, paginationToken, ...query }) =>
      paginate((token) => getEligiblePosts(transport, { ...query, paginationToken: token }), { maxPages, stopWhen }, paginationToken),
    createNote: (note) => createNote(transport, note),
    getNotesWritten: (query) => getNotesWritten(transport, query),
    iterateNotesWritten: ({ maxPages, stopWhen, paginationToken, ...query }) =>
      paginate((token) => getNotesWritten(transport, { ...query, paginationToken: token }), { maxPages, stopWhen }, paginationToken),
    async findWrittenNoteForPost(postId, testMode) {
      const pages = client.iterateNotesWritten({ testMode, maxResults: RECONCILE_PAGE_SIZE, maxPages: RECONCILE_MAX_PAGES });
      for await (const page of pages) {
        const note = page.notes.find((n) => n.postId === postId);
        if (note) return note;
      }
      return null;
    },
    evaluateNote: createNoteEvaluator(transport),
    deleteNote: (noteId) => deleteNote(transport, noteId),
    rateLimitStatus: () => transport.rateLimitStatus(),
  };
  return client;
}
