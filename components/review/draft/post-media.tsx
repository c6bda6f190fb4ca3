import type { PostMedia } from "@/lib/posts/post";

import { mediaLabel } from "../labels";

/** Media as readers meet it, with the alt text visible: whether the image is described is part of the review. */
export function PostMediaGrid({ media }: { media: PostMedia[] }) {
  if (media.length === 0) return null;
  return (
    <ul className={`grid gap-2 ${media.length > 1 ? "grid-cols-2" : "grid-cols-1"}`} aria-label="Media">
      {media.map((item) => (
        <li key={item.key} className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
          <MediaPreview item={item} />
          <p className="border-t border-zinc-200 px-2 py-1 text-xs dark:border-zinc-700">
            <span className="mr-1 rounded bg-zinc-800 px-1 text-[10px] font-semibold text-white dark:bg-zinc-200 dark:text-zinc-900">ALT</span>
            {item.altText ? <span>{item.altText}</span> : <span className="text-zinc-500 italic">No alt text</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}

function MediaPreview({ item }: { item: PostMedia }) {
  const src = item.previewUrl ?? item.url;
  const label = `${mediaLabel(item.type)}${item.durationMs ? ` · ${formatDuration(item.durationMs)}` : ""}`;
  return (
    <div className="relative flex aspect-video items-center justify-center bg-zinc-100 dark:bg-zinc-800">
      {src ? (
        // Remote previews from X (or the simulator's placeholders): no optimisation proxy needed.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={item.altText ?? ""} loading="lazy" className="h-full w-full object-cover" />
      ) : (
        <span className="text-xs text-zinc-500">{mediaLabel(item.type)}: no preview</span>
      )}
      {item.type !== "photo" && <span className="absolute bottom-1 left-1 rounded bg-black/70 px-1.5 py-0.5 text-[11px] text-white">▶ {label}</span>}
    </div>
  );
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
