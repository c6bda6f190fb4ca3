/** The one media type a post is filtered by. Plain values, no schema library: client filters list them. */
export const mediaTypes = ["none", "photo", "video", "animated_gif", "mixed"] as const;
export type MediaType = (typeof mediaTypes)[number];
