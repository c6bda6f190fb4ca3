import { expect, test } from "@playwright/test";

import { signIn } from "./support/sign-in";

test("the default queue is ordered by triage priority, each row showing its post's age and triage", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/queue");
  await expect(page.getByLabel("Order")).toHaveValue("priority");
  const rows = page.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();

  // Drafts of posts not triaged yet come first; then the priority key, highest first.
  const keys = await rows.evaluateAll((links) => links.map((link) => link.getAttribute("data-priority-key")));
  const triaged = keys.filter((key) => key !== null).map(Number);
  expect(triaged.length).toBeGreaterThan(1);
  expect(keys.slice(0, keys.length - triaged.length).every((key) => key === null)).toBe(true);
  expect(triaged).toEqual(triaged.toSorted((a, b) => b - a));
  await expect(rows.first()).toContainText(/\d+ (min|h|d) old/);
  await expect(rows.first()).toContainText(/Checkable \d+%|Not triaged yet/);

  // Oldest first is still one choice away, in the URL.
  await page.getByLabel("Order").selectOption("oldest");
  await expect(page).toHaveURL(/[?&]sort=oldest/);
});

test("the Triaged out tab says why each post is out, and a reviewer puts one back in with a reason", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/queue");
  await page.getByRole("link", { name: "Triaged out" }).click();
  await expect(page).toHaveURL(/[?&]view=triaged_out/);
  const rows = page.getByTestId("triaged-out-row");
  const row = rows.first();
  await expect(row).toBeVisible();
  // The tab counts the posts it lists (drafts of these posts are not counted under Ready).
  await expect(page.getByTestId("count-triaged-out")).toHaveText(/^[1-9][\d,]*$/);
  await expect(row.getByRole("region", { name: "Triage" })).toContainText(/opinion words|prediction|satire marker|too short|media note|No signal of a checkable claim/);
  const postId = await row.getAttribute("data-post-id");

  // Without a reason nothing changes.
  await row.getByRole("button", { name: "Put back in" }).click();
  await expect(row.getByText("say in a few words why")).toBeVisible();
  await expect(page.locator(`[data-testid=triaged-out-row][data-post-id="${postId}"]`)).toHaveCount(1);

  await row.getByLabel("Why is this post checkable?").fill("It quotes the council's vacancy figure, which is checkable.");
  await row.getByRole("button", { name: "Put back in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Put back in" })).toBeVisible();
  await expect(page.locator(`[data-testid=triaged-out-row][data-post-id="${postId}"]`)).toHaveCount(0);
});

test("a viewer reads why posts are out but cannot overturn, and the Runs page counts what triage did", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/queue?view=triaged_out");
  await expect(page.getByTestId("triaged-out-row").first().getByRole("region", { name: "Triage" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Put back in" })).toHaveCount(0);

  await page.goto("/runs");
  await expect(page.getByText("triaged out").first()).toBeVisible();
});
