import { expect, test } from "@playwright/test";

import { signIn } from "./support/sign-in";

test("the Runs page shows the demo's shadow drafting run with its variant, and the kind filter keeps only shadow runs", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/runs");
  const rows = page.getByTestId("run-row");
  const ofKind = (label: string) => rows.filter({ has: page.getByText(label, { exact: true }) });
  const shadowRun = ofKind("Shadow drafting").first();
  await expect(shadowRun).toBeVisible();
  await expect(shadowRun.getByTestId("run-variants")).toHaveText("as Concise (offline)");
  await expect(shadowRun).toContainText(/\d+ no note needed|\d+ drafted/);
  await expect(ofKind("Drafting").first()).toBeVisible();

  await page.getByLabel("Kind").selectOption("shadow");
  await expect(page).toHaveURL(/[?&]kind=shadow/);
  await expect(rows.filter({ hasNot: page.getByText("Shadow drafting", { exact: true }) })).toHaveCount(0);
  await expect(rows.first()).toContainText("Shadow drafting");

  // The filter is in the URL: a reload (or a shared link) shows the same list.
  await page.reload();
  await expect(page.getByLabel("Kind")).toHaveValue("shadow");
  await expect(ofKind("Shadow drafting").first()).toBeVisible();
  await expect(rows.filter({ hasNot: page.getByText("Shadow drafting", { exact: true }) })).toHaveCount(0);
});
