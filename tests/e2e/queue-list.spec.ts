import { expect, test } from "@playwright/test";

import { signIn } from "./support/sign-in";

test("the queue keeps its filters and page in the URL, with counts per state", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/queue");
  await expect(page.getByTestId("count-ready")).toHaveText(/^\d+$/);
  const rows = page.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();

  await page.getByLabel("Order").selectOption("newest");
  await expect(page).toHaveURL(/[?&]sort=newest/);
  await page.getByLabel("Claim").selectOption("unclaimed");
  await expect(page).toHaveURL(/sort=newest.*claim=unclaimed|claim=unclaimed.*sort=newest/);
  await expect(page.getByLabel("Order")).toHaveValue("newest");

  await page.goto("/queue?limit=5");
  const firstPage = await rows.first().getAttribute("data-draft-id");
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(5);
  expect(await rows.first().getAttribute("data-draft-id")).not.toBe(firstPage);
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(rows.first()).toHaveAttribute("data-draft-id", firstPage ?? "");
});

test("a viewer sees the queue and a draft read-only", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/queue");
  await expect(page.getByText("read-only: reviewing needs the reviewer role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start reviewing" })).toHaveCount(0);
  await page.getByTestId("queue-row").first().click();
  await expect(page.getByTestId("post-text")).toBeVisible();
  await expect(page.getByLabel("Note text")).not.toBeEditable();
  await expect(page.getByRole("button", { name: /Reject/ })).toBeDisabled();
});
