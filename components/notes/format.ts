import { formatDateTime } from "@/components/review/format";

/** Dates in this area arrive as ISO strings (DTOs cross into client components); shown in UTC like the rest of the app. */
export function formatIso(iso: string | null): string {
  return iso ? formatDateTime(new Date(iso)) : "—";
}

export function formatPercent(share: number | null, digits = 0): string {
  return share === null ? "—" : `${(share * 100).toFixed(digits)}%`;
}
