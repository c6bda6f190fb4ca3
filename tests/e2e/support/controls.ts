import { expect, type Page } from "@playwright/test";

/** Settings → Controls as an admin uses it (`admin` is an admin's page). */
export async function setEmergencyStop(admin: Page, reason: string): Promise<void> {
  await admin.goto("/settings/controls");
  await admin.getByLabel("Why stop everything?").fill(reason);
  await admin.getByRole("button", { name: "Stop all submissions and jobs" }).click();
  await expect(admin.getByTestId("emergency-stop-control")).toHaveAttribute("data-active", "true");
}

/** Lifts the emergency stop if one is on, so no later test starts stopped; safe to call in clean-up. */
export async function liftEmergencyStop(admin: Page): Promise<void> {
  await admin.goto("/settings/controls");
  const control = admin.getByTestId("emergency-stop-control");
  if ((await control.getAttribute("data-active")) !== "true") return;
  await admin.getByLabel("Why is it safe to resume?").fill("The test that set it has finished.");
  await admin.getByRole("button", { name: "Lift the emergency stop" }).click();
  await expect(control).toHaveAttribute("data-active", "false");
}

/** Switches the e2e writer (the only one) to `to` mode in Settings → Controls; nothing to do if it is there already. */
export async function switchWriterMode(admin: Page, to: "test" | "production"): Promise<void> {
  await admin.goto("/settings/controls");
  const toggle = admin.getByRole("button", { name: `Switch to ${to}…` });
  if ((await toggle.count()) === 0) return;
  await toggle.click();
  await admin.getByRole("dialog").getByRole("button", { name: `Switch to ${to} mode` }).click();
  await expect(admin.getByRole("button", { name: `Switch to ${to === "test" ? "production" : "test"}…` })).toBeVisible();
}
