/** "2026-11-21 05:20 UTC": every operator reads the same moment, wherever they sit. */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
