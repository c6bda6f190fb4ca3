import { expect, test } from "@playwright/test";

import type { Role } from "../../lib/auth/roles";
import { signInElsewhere as signedIn } from "./support/sign-in";

/** Settings → Controls as an admin uses it, and what everyone else sees because of it. */

test("an admin sets the emergency stop, every user sees it on every page, and it is lifted", async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  await admin.goto("/settings/controls");
  const control = admin.getByTestId("emergency-stop-control");
  await expect(control).toHaveAttribute("data-active", "false");

  await admin.getByLabel("Why stop everything?").fill("A batch of notes with dead links went out.");
  await admin.getByRole("button", { name: "Stop all submissions and jobs" }).click();
  await expect(control).toHaveAttribute("data-active", "true");
  await expect(admin.getByTestId("emergency-stop-banner")).toContainText("A batch of notes with dead links went out.");
  await expect(admin.getByTestId("emergency-stop-banner")).toContainText("Ada Admin");

  const everyPage: [Role, string[]][] = [
    ["viewer", ["/queue", "/notes"]],
    ["reviewer", ["/runs"]],
    ["approver", ["/settings"]],
  ];
  for (const [role, paths] of everyPage) {
    const page = await signedIn(browser, role);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByTestId("emergency-stop-banner"), `${role} on ${path}`).toContainText("submissions and scheduled jobs are paused");
    }
    await page.context().close();
  }

  await admin.getByLabel("Why is it safe to resume?").fill("Every link was checked and fixed.");
  await admin.getByRole("button", { name: "Lift the emergency stop" }).click();
  await expect(control).toHaveAttribute("data-active", "false");
  await expect(admin.getByTestId("emergency-stop-banner")).toHaveCount(0);

  const viewer = await signedIn(browser, "viewer");
  await viewer.goto("/notes");
  await expect(viewer.getByTestId("emergency-stop-banner")).toHaveCount(0);
});

test("the emergency stop needs a reason of a sentence", async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  await admin.goto("/settings/controls");
  await admin.getByLabel("Why stop everything?").fill("oops");
  await admin.getByRole("button", { name: "Stop all submissions and jobs" }).click();
  await expect(admin.getByText(/in a sentence/)).toBeVisible();
  await expect(admin.getByTestId("emergency-stop-banner")).toHaveCount(0);
});

test("switching a writer to production shows admission progress first, and is audited", async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  await admin.goto("/settings/controls");
  await expect(admin.getByText("Test mode", { exact: true })).toBeVisible();

  await admin.getByRole("button", { name: "Switch to production…" }).click();
  const dialog = admin.getByRole("dialog", { name: "Switch Demo writer to production mode?" });
  await expect(dialog.getByTestId("admission-progress")).toContainText("0 of the last 50 test-mode notes counted.");
  await expect(dialog.getByTestId("admission-progress")).toContainText("does not meet X's admission rule yet");
  await expect(dialog.getByRole("row", { name: /UrlValidity high ≥ 95%/ })).toContainText("not scored yet");
  await expect(dialog.getByTestId("mode-switch-voids")).toHaveText("No approvals are waiting to be sent in test mode.");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(admin.getByText("Test mode", { exact: true })).toBeVisible();

  await admin.getByRole("button", { name: "Switch to production…" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Switch to production mode" }).click();
  await expect(admin.getByText("Production feed", { exact: true })).toBeVisible();
  await expect(admin.getByTestId("last-mode-switch")).toHaveText(/^Switched to production mode by Ada Admin at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);

  const viewer = await signedIn(browser, "viewer");
  await expect(viewer.getByText("Production feed", { exact: true })).toBeVisible();

  // Back to test mode, which other tests expect; no admission to show on the way back.
  await admin.getByRole("button", { name: "Switch to test…" }).click();
  await expect(admin.getByRole("dialog").getByTestId("admission-progress")).toHaveCount(0);
  await admin.getByRole("dialog").getByRole("button", { name: "Switch to test mode" }).click();
  await expect(admin.getByText("Test mode", { exact: true })).toBeVisible();
  await expect(admin.getByTestId("last-mode-switch")).toContainText("Switched to test mode by Ada Admin");
});

test("Settings → Controls is for admins only", async ({ browser }) => {
  const approver = await signedIn(browser, "approver");
  const response = await approver.goto("/settings/controls");
  expect(response?.status()).toBe(403);
});
