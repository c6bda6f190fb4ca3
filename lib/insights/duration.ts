/**
 * How long something took, as the speed figures and the reviewer table show it: "0 s", "45 s",
 * "4 min", "2.5 h", "3.1 d". Under a minute it counts seconds, so a wait that took none reads as
 * none. Each unit takes over where the smaller one would round up to it ("60 s" is "1 min").
 * Pure, so client components (charts) use it too.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const s = Math.max(0, seconds);
  if (Math.round(s) < 60) return `${Math.round(s)} s`;
  if (Math.round(s / 60) < 60) return `${Math.round(s / 60)} min`;
  if (Math.round(s / 360) < 240) return `${(s / 3_600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}
