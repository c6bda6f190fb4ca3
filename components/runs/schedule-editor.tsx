"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";
import { describeCron, schedulePresets, type ScheduleDto, type ScheduleInput } from "@/lib/jobs/schedules/schedule-input";

type SaveSchedule = (input: ScheduleInput) => Promise<ActionResult<ScheduleDto[]>>;

const OFF = "off";
const CUSTOM = "custom";

/** Admin only: when pulls, drafting, notes refreshes and submission checks run on their own (UTC). */
export function ScheduleEditor({ initial, action }: { initial: ScheduleDto[]; action: SaveSchedule }) {
  const [schedules, setSchedules] = useState(initial);
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {schedules.map((schedule) => (
        <ScheduleRow key={schedule.queue} schedule={schedule} action={action} onSaved={setSchedules} />
      ))}
    </ul>
  );
}

function ScheduleRow({ schedule, action, onSaved }: { schedule: ScheduleDto; action: SaveSchedule; onSaved: (all: ScheduleDto[]) => void }) {
  const toast = useToast();
  const isPreset = schedulePresets.some((p) => p.cron === schedule.cron);
  const [choice, setChoice] = useState<string>(schedule.cron === null ? OFF : isPreset ? schedule.cron : CUSTOM);
  const [custom, setCustom] = useState(isPreset ? "" : (schedule.cron ?? ""));
  const [draftAfter, setDraftAfter] = useState(schedule.draftAfter);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = `schedule-${schedule.queue}`;

  async function save() {
    setSaving(true);
    const cron = choice === OFF ? null : choice === CUSTOM ? custom : choice;
    const result = await action({ queue: schedule.queue, cron, draftAfter });
    setSaving(false);
    if (!result.ok) {
      setError(result.fieldErrors?.cron?.[0] ?? result.message);
      return;
    }
    setError(null);
    onSaved(result.data);
    toast.show(`${schedule.label}: ${cron === null ? "off" : describeCron(cron.trim())}.`, { tone: "success" });
  }

  return (
    <li className="flex flex-col gap-2 py-3 text-sm md:flex-row md:items-start md:gap-4">
      <label htmlFor={fieldId} className="font-medium md:w-64 md:pt-1.5">
        {schedule.label}
      </label>
      <div className="flex flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <select id={fieldId} className="input" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value={OFF}>off</option>
            {schedulePresets.map((preset) => (
              <option key={preset.cron} value={preset.cron}>
                {preset.label}
              </option>
            ))}
            <option value={CUSTOM}>custom (cron)…</option>
          </select>
          {choice === CUSTOM && (
            <input
              aria-label={`${schedule.label}: cron expression`}
              className="input font-mono"
              placeholder="*/20 6-22 * * *"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
            />
          )}
          {schedule.queue === "sync-posts" && choice !== OFF && (
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={draftAfter} onChange={(e) => setDraftAfter(e.target.checked)} />
              then draft new posts
            </label>
          )}
          <Button variant="secondary" disabled={saving} onClick={() => void save()}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
        {error && (
          <span role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </span>
        )}
      </div>
    </li>
  );
}
