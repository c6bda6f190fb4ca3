import type { EmergencyStopDto } from "@/lib/controls/emergency-stop";
import { utcMinute } from "@/lib/controls/utc";

/** Shown on every page to everyone while they hold: an emergency stop, and writers whose LLM budget is spent. */
export function ControlBanners({ stop, budgetsReached }: { stop: EmergencyStopDto | null; budgetsReached: readonly string[] }) {
  if (!stop && budgetsReached.length === 0) return null;
  return (
    <div className="flex flex-col">
      {stop && (
        <div role="alert" data-testid="emergency-stop-banner" className="bg-red-700 px-4 py-2 text-sm text-white">
          <div className="mx-auto max-w-7xl">
            <strong>Emergency stop: submissions and scheduled jobs are paused.</strong> “{stop.reason}” —{" "}
            {stop.setBy ? `${stop.setBy.name}, ` : ""}since {utcMinute(stop.since)}.
          </div>
        </div>
      )}
      {budgetsReached.map((sentence) => (
        <div key={sentence} role="status" data-testid="llm-budget-banner" className="bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <div className="mx-auto max-w-7xl">
            <strong>LLM budget reached.</strong> {sentence}
          </div>
        </div>
      ))}
    </div>
  );
}
