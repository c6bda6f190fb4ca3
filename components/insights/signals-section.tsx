import { MIN_N, type RateDto } from "@/lib/insights/rates";
import { signalLabels, type SignalRowDto } from "@/lib/insights/signals";

import { SignalChart, type SignalBar } from "./signal-chart";
import { SignalTable } from "./signal-table";

function share(rate: RateDto): { value: number | null; error: [number, number] | null } {
  if (rate.share === null || rate.low === null || rate.high === null) return { value: null, error: null };
  return { value: rate.share * 100, error: [(rate.share - rate.low) * 100, (rate.high - rate.share) * 100] };
}

/** Which signals known before sending go with notes that do well: chart, then the counts behind it. */
export function SignalsSection({ rows }: { rows: SignalRowDto[] }) {
  const bars: SignalBar[] = rows.map((row) => {
    const yes = share(row.yes.evaluatorHigh);
    const no = share(row.no.evaluatorHigh);
    return { label: signalLabels[row.signal].label, yes: yes.value, yesError: yes.error, no: no.value, noError: no.error };
  });
  return (
    <div className="flex flex-col gap-4">
      <SignalChart bars={bars} minN={MIN_N} />
      <SignalTable rows={rows} />
      <p className="text-xs text-zinc-500">
        Shares are shown from {MIN_N} on, with 95% Wilson intervals; below that only the counts. “Higher with yes” means the two intervals do not overlap.
        Helpful counts only production notes X has rated (not “needs more ratings”); test notes are never rated.
      </p>
    </div>
  );
}
