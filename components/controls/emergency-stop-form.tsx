"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action-result";
import type { EmergencyStopDto } from "@/lib/controls/emergency-stop";
import { utcMinute } from "@/lib/controls/utc";

import { useControlAction } from "./use-control-action";

type WithReason = (input: { reason: string }) => Promise<ActionResult<unknown>>;

/** One switch for everything: what is paused, by whom, why, and the way back. */
export function EmergencyStopForm({ stop, set, lift }: { stop: EmergencyStopDto | null; set: WithReason; lift: WithReason }) {
  const { pending, run } = useControlAction();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  async function submit() {
    const result = await run(() => (stop ? lift : set)({ reason }), () => (stop ? "The emergency stop is lifted." : "Emergency stop on: nothing is sent and no scheduled job runs."));
    setErrors(result.ok ? [] : (result.fieldErrors?.reason ?? []));
    if (result.ok) setReason("");
  }

  return (
    <div className="flex flex-col gap-3" data-testid="emergency-stop-control" data-active={stop !== null}>
      {stop ? (
        <p className="text-sm">
          <strong className="text-red-700 dark:text-red-400">On</strong> since {utcMinute(stop.since)}
          {stop.setBy ? `, set by ${stop.setBy.name}` : ""}: “{stop.reason}”
        </p>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Off. Turning it on pauses every submission and every scheduled job at once, and shows your reason to everyone.</p>
      )}
      <Field id="stop-reason" label={stop ? "Why is it safe to resume?" : "Why stop everything?"} errors={errors}>
        <Textarea id="stop-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={describedBy("stop-reason")} />
      </Field>
      <div>
        <Button variant={stop ? "primary" : "danger"} disabled={pending} onClick={submit}>
          {stop ? "Lift the emergency stop" : "Stop all submissions and jobs"}
        </Button>
      </div>
    </div>
  );
}
