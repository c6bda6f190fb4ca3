import { formatDateTime } from "@/components/review/format";

/** Dates in this area arrive as ISO strings (DTOs cross into client components); shown in UTC like the rest of the app. */
export function formatIso(iso: string | null): string {
  return iso ? formatDateTime(new Date(iso)) : "—";
}

export function formatPercent(share: number | null, digits = 0): string {
  return share === null ? "—" : `${(share * 100).toFixed(digits)}%`;
}

/** "4 min", "2.5 h", "3.1 d". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 3_600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86_400) return `${(seconds / 3_600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}
