import type { DbClient } from "../../lib/db";

/**
 * Script and HTML payloads planted in everything Notedesk shows that came from outside or from a
 * person: post text, usernames, media alt text, quoted posts, note requests and source links, AI and
 * human note text, suggestions, user and writer names, run errors. Each payload sets
 * window.__xss to its field's name if it ever runs, so a test can tell which one got through.
 */
export const XSS_FIELDS = [
  "post-text",
  "author-name",
  "alt-text",
  "quoted-text",
  "quoted-user",
  "request-text",
  "note-text",
  "rationale",
  "suggestion",
  "user-name",
  "writer-name",
  "written-note",
  "run-error",
] as const;
export type XssField = (typeof XSS_FIELDS)[number];

export function xss(field: string): string {
  return `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;
}

/** A username can't hold spaces on X, but Notedesk must not trust that. */
export const XSS_USERNAME = `x"><svg/onload=window.__xss='username'>`;
export const XSS_LINKS = ["javascript:window.__xss='request-link'", "javascript:window.__xss='source-link'", "javascript:window.__xss='media-url'"];

export const XSS_PASSWORD = "xss-password-123";
export const xssAccounts = {
  admin: { email: "admin@xss.test", name: "Ada Admin", role: "admin" },
  viewer: { email: "viewer@xss.test", name: "Vic Viewer", role: "viewer" },
  reviewer: { email: "reviewer@xss.test", name: xss("user-name"), role: "reviewer" },
  approver: { email: "approver@xss.test", name: "Arno Approver", role: "approver" },
} as const;

export type XssSeed = { draftId: string; noteId: string; postId: string; writerId: string };

export async function seedXss(db: DbClient, users: { reviewerId: string; approverId: string }): Promise<XssSeed> {
  const writer = await db.writer.create({ data: { name: xss("writer-name"), testMode: true, feedLang: "all" }, select: { id: true } });
  const postId = "1999000000000000001";
  await db.post.create({
    data: {
      id: postId,
      text: `${xss("post-text")} The bridge collapsed this morning.`,
      authorId: "42",
      authorUsername: XSS_USERNAME,
      authorName: xss("author-name"),
      postedAt: new Date("2026-11-20T10:00:00Z"),
      lang: "en",
      mediaType: "photo",
      media: [
        { key: "3_1", type: "photo", url: XSS_LINKS[2], previewUrl: null, altText: xss("alt-text"), durationMs: null, width: 10, height: 10 },
      ],
      referencedPosts: [{ type: "quoted", id: "1999000000000000002", text: xss("quoted-text"), authorUsername: xss("quoted-user"), missing: false }],
      noteRequests: [{ suggestionId: "1", suggestion: xss("request-text"), sourceLink: XSS_LINKS[0] }],
      noteRequestCount: 1,
      suggestedSources: [{ url: XSS_LINKS[1], count: 3 }],
      contentHash: "xss",
    },
  });
  const draft = await db.draft.create({
    data: { writerId: writer.id, postId, testMode: true, state: "ready", readyAt: new Date(Date.now() - 60_000), aiDecision: "write_note", claimedById: users.reviewerId, claimedAt: new Date(), claimedUntil: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });
  const revision = await db.revision.create({
    data: {
      draftId: draft.id,
      number: 1,
      authorKind: "ai",
      text: `${xss("note-text")} https://example.org/source`,
      classification: "misinformed_or_potentially_misleading",
      misleadingTags: ["factual_error"],
      trustworthySources: true,
      model: "offline-drafter-v1",
      rationale: xss("rationale"),
    },
    select: { id: true },
  });
  await db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: revision.id } });
  await db.suggestion.create({ data: { draftId: draft.id, authorId: users.reviewerId, text: xss("suggestion") } });

  const noteId = "1999000000000000101";
  await db.writtenNote.create({
    data: {
      id: noteId,
      writerId: writer.id,
      postId,
      testMode: true,
      text: `${xss("written-note")} https://example.org/n`,
      classification: "misinformed_or_potentially_misleading",
      misleadingTags: ["factual_error"],
      trustworthySources: true,
      status: "needs_more_ratings",
      claimOpinion: "high",
      urlValidity: "high",
      harassmentAbuse: "high",
    },
  });
  await db.noteSnapshot.create({ data: { noteId, status: "needs_more_ratings", claimOpinion: "high", urlValidity: "high", harassmentAbuse: "high" } });
  await db.jobRun.create({
    data: { kind: "sync", writerId: writer.id, testMode: true, state: "failed", startedAt: new Date(), finishedAt: new Date(), heartbeatAt: new Date(), errors: [{ at: new Date().toISOString(), message: xss("run-error") }] },
  });
  return { draftId: draft.id, noteId, postId, writerId: writer.id };
}
