import { describeClaim } from "@/lib/review/claim-label";

/** "12 min", "3 h", "2 d": how long ago something happened, coarse on purpose. */
export function formatAge(since: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return "< 1 min";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

export function formatDateTime(date: Date): string {
  return date.toLocaleString("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }) + " UTC";
}

/** "claimed by Alice · 3 min ago", or "claimed by you · …" for the viewer's own claim. */
export function claimLabel(claim: { byId: string; byName: string; since: Date }, viewerId: string, now: Date): string {
  return describeClaim({ byName: claim.byId === viewerId ? "you" : claim.byName, since: claim.since }, now);
}
