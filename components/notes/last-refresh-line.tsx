import type { LastRefreshDto } from "@/lib/notes/last-refresh";

import { formatIso } from "./format";

export function LastRefreshLine({ refresh }: { refresh: LastRefreshDto }) {
  if (!refresh) return <span className="text-xs text-zinc-500">Never refreshed: press Refresh now to read this writer&apos;s notes from X.</span>;
  const when = formatIso(refresh.finishedAt ?? refresh.startedAt);
  const failed = refresh.state === "failed";
  return (
    <span className={`text-xs ${failed ? "text-red-600 dark:text-red-400" : "text-zinc-500"}`} title={refresh.errors.map((e) => e.message).join("\n") || undefined}>
      {refresh.state === "running" ? `Refreshing since ${when}…` : `Last refresh ${when}${failed ? " failed (see Runs)" : ""}`}
    </span>
  );
}
