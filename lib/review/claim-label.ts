/** "claimed by Alice · 3 min ago": how a claim reads in a list row or a refusal. Pure, for the UI too. */
export function describeClaim(claim: { byName: string; since: Date }, now: Date = new Date()): string {
  return `claimed by ${claim.byName} · ${ago(claim.since, now)}`;
}

function ago(since: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`;
}
