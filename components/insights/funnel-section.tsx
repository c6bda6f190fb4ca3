import { EmptyState } from "@/components/ui/empty-state";
import type { DropoutsDto, FunnelDto } from "@/lib/insights/dto";
import { insightsHref, type InsightsQuery } from "@/lib/insights/query";

import { DropoutPanel } from "./dropout-panel";
import { FunnelChart } from "./funnel-chart";
import { FunnelTable } from "./funnel-table";

/** The funnel: chart, figures, and the open step's drop-outs. */
export function FunnelSection({ funnel, dropouts, query }: { funnel: FunnelDto; dropouts: DropoutsDto | null; query: InsightsQuery }) {
  if (funnel.eligible === 0) {
    return <EmptyState title="No posts in this period">Posts this writer&apos;s eligible feed offers show here once a pull (Runs page) brings them in.</EmptyState>;
  }
  const bars = funnel.steps.map((step) => ({
    label: step.label,
    reached: step.reached,
    dropped: step.dropped,
    href: step.dropped > 0 ? `${insightsHref(query, { step: step.id })}#dropouts` : null,
  }));
  const open = dropouts && funnel.steps.find((step) => step.id === dropouts.step);
  return (
    <div className="flex flex-col gap-4">
      <FunnelChart bars={bars} />
      <FunnelTable steps={funnel.steps} query={query} />
      {open && dropouts && <DropoutPanel step={open} dropouts={dropouts} query={query} />}
    </div>
  );
}
