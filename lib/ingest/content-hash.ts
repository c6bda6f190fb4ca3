import { createHash } from "node:crypto";

import type { NormalizedPost } from "@/lib/posts/post";

/**
 * A fingerprint of everything Notedesk keeps about a post except volatile counters: public metrics
 * tick constantly and would make every re-sync look like a change.
 */
export function postContentHash(post: NormalizedPost): string {
  return createHash("sha256").update(JSON.stringify({ ...post, publicMetrics: null })).digest("hex");
}
