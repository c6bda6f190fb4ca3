import type { Metadata } from "next";

import { FunnelSection } from "@/components/insights/funnel-section";
import { InsightsFilters } from "@/components/insights/insights-filters";
import { RatingAgreement } from "@/components/insights/rating-agreement";
import { SignalsSection } from "@/components/insights/signals-section";
import { SpeedCharts } from "@/components/insights/speed-charts";
import { SpeedFigures } from "@/components/insights/speed-figures";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/session";
import { funnel, funnelDropouts } from "@/lib/insights/funnel";
import { parseInsightsQuery } from "@/lib/insights/query";
import { ratingAgreement } from "@/lib/insights/rating-agreement";
import { insightsScope } from "@/lib/insights/scope";
import { signalAgreement } from "@/lib/insights/signals";
import { speed } from "@/lib/insights/speed";
import { notesWriter } from "@/lib/notes/writer";

export const metadata: Metadata = { title: "Insights" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InsightsPage({ searchParams }: Props) {
  await requirePageRole("viewer", "/insights");
  const query = parseInsightsQuery(await searchParams);
  const { writer, writers } = await notesWriter(query.writer);
  if (!writer) return <EmptyState title="No writer yet">Add an AI Note Writer account in Settings; its funnel and figures will show here.</EmptyState>;

  const now = new Date();
  const scope = insightsScope(writer.id, query, now);
  const [steps, dropouts, durations, agreement, signals] = await Promise.all([
    funnel(scope),
    query.step ? funnelDropouts(scope, query.step, query.reason ?? null) : null,
    speed(scope, now),
    ratingAgreement(scope),
    signalAgreement(scope),
  ]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">Insights</h1>
        <InsightsFilters current={{ writer: writer.id, mode: query.mode, range: query.range }} writers={writers} />
      </div>

      <Card title="Where posts drop out">
        <FunnelSection funnel={steps} dropouts={dropouts} query={query} />
      </Card>

      <Card title="Speed">
        <div className="flex flex-col gap-4">
          <SpeedCharts speed={durations} />
          <SpeedFigures speed={durations} />
        </div>
      </Card>

      <Card title="Would I post this as is?">
        <p className="mb-3 text-xs text-zinc-500">
          Reviewers rate each AI draft with <kbd>y</kbd> or <kbd>n</kbd> in the review view. Ratings made in this period, beside what became of the draft.
        </p>
        {agreement.groups.every((group) => group.ratings === 0) ? (
          <EmptyState title="No ratings in this period">Open a draft in the queue and press y or n: would you post the AI&apos;s draft as it is?</EmptyState>
        ) : (
          <RatingAgreement agreement={agreement} />
        )}
      </Card>

      <Card title="Which signals predict good notes">
        <p className="mb-3 text-xs text-zinc-500">Notes written in this period, split by what each signal said before they were sent.</p>
        {signals.every((row) => row.yes.count + row.no.count === 0) ? (
          <EmptyState title="No written notes in this period">Once notes come back from X with evaluator results and statuses, this compares them.</EmptyState>
        ) : (
          <SignalsSection rows={signals} />
        )}
      </Card>
    </div>
  );
}
