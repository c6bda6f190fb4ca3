import type { LinkCheckResult } from "@/lib/links/types";

/** Each link's answer: status, where redirects led, and why a dead one is dead. */
export function LinkResults({ links }: { links: readonly LinkCheckResult[] }) {
  return (
    <table className="mt-1 w-full text-left text-xs" data-testid="link-results">
      <thead className="text-zinc-500">
        <tr>
          <th className="py-0.5 pr-2 font-medium">Link</th>
          <th className="py-0.5 pr-2 font-medium">Status</th>
          <th className="py-0.5 font-medium">Details</th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => (
          <tr key={link.url} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="link-result" data-ok={link.ok}>
            <td className="max-w-64 truncate py-0.5 pr-2 font-mono" title={link.url}>
              {link.url}
            </td>
            <td className={`py-0.5 pr-2 font-mono ${link.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>{link.status ?? "—"}</td>
            <td className="py-0.5 text-zinc-600 dark:text-zinc-300">
              {link.error ?? "OK"}
              {link.redirects.length > 0 && link.finalUrl && (
                <span className="block text-zinc-500">
                  {link.redirects.map((hop) => hop.status).join(" → ")} → {link.finalUrl}
                </span>
              )}
              {link.fromCache && <span className="block text-zinc-500">checked {new Date(link.checkedAt).toISOString().slice(11, 16)} UTC (cached)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
