import type { Metadata } from "next";

import { EmergencyStopForm } from "@/components/controls/emergency-stop-form";
import { LlmSpend } from "@/components/controls/llm-spend";
import { ModelPricesForm } from "@/components/controls/model-prices-form";
import { WriterBudgetForm } from "@/components/controls/writer-budget-form";
import { WriterModeSwitch } from "@/components/controls/writer-mode-switch";
import { WriterThresholdForm } from "@/components/controls/writer-threshold-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { llmChoice } from "@/lib/config/runtime";
import { currentStop } from "@/lib/controls/emergency-stop";
import { utcMinute } from "@/lib/controls/utc";
import { listWriterControls } from "@/lib/controls/writer-controls";
import { llmBudgetStatuses } from "@/lib/costs/budgets";
import { listPrices } from "@/lib/costs/prices";
import { linkCheckMode } from "@/lib/links/app";

import {
  liftEmergencyStopAction,
  setEmergencyStopAction,
  setLlmBudgetAction,
  setModelPriceAction,
  setThresholdAction,
  switchWriterModeAction,
} from "./actions";

export const metadata: Metadata = { title: "Controls" };

const linkModeWords = {
  live: "Links are checked on the real web (HEAD, then GET), never on private addresses.",
  simulated: "Links are checked against the X simulator's simulated web, which agrees with its UrlValidity rule.",
  off: "Links are not checked: the links gate fails for every note unless an admin overrides it.",
} as const;

export default async function ControlsPage() {
  await requirePageRole("admin", "/settings/controls");
  const [stop, writers, prices, budgets] = await Promise.all([currentStop(), listWriterControls(), listPrices(), llmBudgetStatuses()]);
  const linkMode = linkCheckMode();

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Controls</h1>
      <Card title="Emergency stop">
        <EmergencyStopForm stop={stop} set={setEmergencyStopAction} lift={liftEmergencyStopAction} />
      </Card>
      {writers.map((writer) => (
        <Card
          key={writer.id}
          title={
            <span data-testid={`writer-controls-${writer.name}`}>
              {writer.name} <Badge tone={writer.mode === "production" ? "warn" : "info"}>{writer.mode}</Badge>
            </span>
          }
          actions={<WriterModeSwitch writer={writer} switchMode={switchWriterModeAction} />}
        >
          {writer.lastSwitch && (
            <p className="mb-3 text-xs text-zinc-500" data-testid="last-mode-switch">
              Switched to {writer.lastSwitch.to} mode by {writer.lastSwitch.by ?? "the system"} at {utcMinute(writer.lastSwitch.at)}.
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <WriterThresholdForm writerId={writer.id} threshold={writer.threshold} save={setThresholdAction} />
            {writer.budget && <WriterBudgetForm budget={writer.budget} save={setLlmBudgetAction} />}
          </div>
        </Card>
      ))}
      <Card title="LLM spend (UTC)">
        <LlmSpend statuses={budgets} />
      </Card>
      <Card title="Model prices">
        <ModelPricesForm prices={prices} currentModel={llmChoice().model} save={setModelPriceAction} />
      </Card>
      <Card title="Link checking">
        <p className="text-sm" data-testid="link-check-mode">
          <Badge tone={linkMode === "off" ? "warn" : "info"}>{linkMode}</Badge> {linkModeWords[linkMode]} Set with LINK_CHECK_MODE.
        </p>
      </Card>
    </div>
  );
}
