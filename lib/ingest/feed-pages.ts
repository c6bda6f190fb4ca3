import "server-only";

import type { NormalizedPost } from "@/lib/posts/post";
import type { TriageAssessment } from "@/lib/triage";

import { assessPage } from "./triage-posts";

/** A page as the sync run writes it: its posts, when it was read (their first sight, the triage's clock), and their triage. */
export type AssessedPage = { posts: NormalizedPost[]; seenAt: Date; assessments: Map<string, TriageAssessment> };

type Settled = { page: AssessedPage | null } | { error: unknown };

/**
 * A feed's pages, each assessed as it is read. `readAhead()` reads and assesses the next page now,
 * while the caller waits on the statement writing this one: with a core free, the heuristics then
 * cost little wall time (docs/triage.md, Figures). The caller asks for it only when the run will read
 * that page whatever this one holds: reading ahead of a run that may stop would cost X a request.
 * A failure to read it surfaces where it would have without reading ahead: at `next()`.
 */
export class AssessedPages {
  readonly #pages: AsyncIterator<NormalizedPost[]>;
  #ahead: Promise<Settled> | null = null;

  constructor(feed: AsyncIterable<NormalizedPost[]>) {
    this.#pages = feed[Symbol.asyncIterator]();
  }

  readAhead(): void {
    this.#ahead ??= this.#read(true);
  }

  async next(): Promise<AssessedPage | null> {
    const read = this.#ahead ?? this.#read(false);
    this.#ahead = null;
    const settled = await read;
    if ("error" in settled) throw settled.error;
    return settled.page;
  }

  /** Ends the feed as `for await` would on leaving the loop, after any page still being read. */
  async close(): Promise<void> {
    await this.#ahead;
    this.#ahead = null;
    await this.#pages.return?.();
  }

  async #read(behindStatement: boolean): Promise<Settled> {
    try {
      const { done, value } = await this.#pages.next();
      if (done) return { page: null };
      // Let the statement just issued reach the database before the assessing takes the thread.
      if (behindStatement) await new Promise((resolve) => setImmediate(resolve));
      const seenAt = new Date();
      return { page: { posts: value, seenAt, assessments: assessPage(value, seenAt) } };
    } catch (error) {
      return { error };
    }
  }
}
