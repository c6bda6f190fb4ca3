/** A post as lists show it: who wrote it, when, what it carries, and the start of its text. */
export type PostExcerptDto = {
  id: string;
  excerpt: string;
  /** The excerpt is cut; the detail view has the full text. */
  truncated: boolean;
  authorUsername: string | null;
  authorName: string | null;
  lang: string | null;
  mediaType: string;
  noteRequestCount: number;
  postedAt: Date | null;
};
