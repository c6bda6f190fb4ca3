import { describe, expect, it } from "vitest";

import { cronProblem } from "./cron";
import { schedulePresets, scheduleInputSchema } from "./schedule-input";

describe("cronProblem", () => {
  it.each(["*/15 * * * *", "0 * * * *", "0 6 * * 1-5", "5,35 8-18/2 1 1,6,12 0", "59 23 31 12 7", ...schedulePresets.map((p) => p.cron)])(
    "accepts %s",
    (cron) => expect(cronProblem(cron)).toBeNull(),
  );

  it.each([
    ["* * * *", /needs 5 fields/],
    ["0 0 * * * *", /needs 5 fields/],
    ["60 * * * *", /minute: 60 is outside 0–59/],
    ["* 24 * * *", /hour/],
    ["* * 0 * *", /day of month: 0 is outside 1–31/],
    ["* * * 13 *", /month/],
    ["* * * * 8", /day of week/],
    ["*/0 * * * *", /step "0"/],
    ["10-5 * * * *", /runs backwards/],
    ["@hourly", /needs 5 fields/],
    ["0 0 * JAN *", /"JAN" is not/],
    ["0 0 L * *", /"L" is not/],
  ])("refuses %s", (cron, message) => expect(cronProblem(cron)).toMatch(message));
});

describe("scheduleInputSchema", () => {
  it("takes a preset, a custom expression or null (off), trimmed", () => {
    expect(scheduleInputSchema.parse({ queue: "sync-posts", cron: " */15 * * * * ", draftAfter: true })).toEqual({
      queue: "sync-posts",
      cron: "*/15 * * * *",
      draftAfter: true,
    });
    expect(scheduleInputSchema.parse({ queue: "refresh-notes", cron: null })).toEqual({ queue: "refresh-notes", cron: null, draftAfter: false });
  });

  it("refuses an unknown queue and a bad expression with a message for the admin", () => {
    expect(scheduleInputSchema.safeParse({ queue: "revise-draft", cron: "0 * * * *" }).success).toBe(false);
    const bad = scheduleInputSchema.safeParse({ queue: "sync-posts", cron: "every hour" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Not a schedule: needs 5 fields/);
  });
});
