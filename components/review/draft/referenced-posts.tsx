import type { ReferencedPost } from "@/lib/posts/post";

const how: Record<ReferencedPost["type"], string> = { quoted: "Quoting", replied_to: "Replying to", retweeted: "Reposting" };

/** The post this one quotes or answers: often where the claim really is. A deleted one says so. */
export function ReferencedPosts({ posts }: { posts: ReferencedPost[] }) {
  if (posts.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {posts.map((post) => (
        <li key={`${post.type}-${post.id}`} className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-700">
          <p className="text-xs text-zinc-500">
            {how[post.type]} {post.authorUsername ? `@${post.authorUsername}` : "a post"}
          </p>
          {post.missing || post.text === null ? (
            <p className="mt-1 text-zinc-500 italic" data-testid="referenced-missing">
              This post was deleted or is unavailable.
            </p>
          ) : (
            <p className="mt-1 break-words whitespace-pre-wrap">{post.text}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
