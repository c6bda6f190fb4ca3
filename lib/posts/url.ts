/** X's handles: 1–15 letters, digits or underscores. */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/**
 * A post's page on X. With its author's handle it is the address X itself links to; without one
 * (or with anything that is not a handle, which must not steer the link elsewhere on x.com)
 * X's /i/web/status/<id> redirects to the same page. Pure, so lists and client components share it.
 */
export function postUrlOnX(postId: string, authorUsername: string | null): string {
  const author = authorUsername && HANDLE.test(authorUsername) ? authorUsername : "i/web";
  return `https://x.com/${author}/status/${encodeURIComponent(postId)}`;
}
