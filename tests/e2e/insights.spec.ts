import { expect, test } from "@playwright/test";

import { openFreeDraft } from "./support/queue";
import { signIn } from "./support/sign-in";

test("a reviewer rates an AI draft with one key, changes their mind, and the rating shows on Insights", async ({ page }) => {
  await signIn(page, "reviewer");
  const draftId = await openFreeDraft(page);
  const rating = page.getByTestId("draft-rating");
  await expect(rating).toHaveAttribute("data-rating", "none");

  // Keys pressed before the page has hydrated do nothing: press until one lands.
  await expect(async () => {
    await page.keyboard.press("n");
    await expect(rating).toHaveAttribute("data-rating", "no", { timeout: 500 });
  }).toPass();
  await expect(rating.getByRole("button", { name: /^No/ })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("y");
  await expect(rating).toHaveAttribute("data-rating", "yes");
  await expect(rating.getByRole("button", { name: /^Yes/ })).toHaveAttribute("aria-pressed", "true");

  // While typing, y and n are letters, not ratings.
  await page.keyboard.press("e");
  await expect(page.getByLabel("Note text")).toBeFocused();
  await page.keyboard.type("n");
  await expect(rating).toHaveAttribute("data-rating", "yes");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape");

  // The cheatsheet lists the keys.
  await page.keyboard.press("?");
  const cheatsheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(cheatsheet).toContainText("Rate the AI draft: I would post it as is");
  await page.keyboard.press("Escape");

  // Stored, not just shown: it is there after a reload, and on Insights beside the draft.
  await page.reload();
  await expect(page.getByTestId("draft-rating")).toHaveAttribute("data-rating", "yes");
  await page.goto("/insights");
  const mine = page.getByTestId("recent-rating").filter({ has: page.locator(`a[href="/queue/${draftId}"]`) });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("Rita Reviewer");
  await expect(mine).toContainText("yes");
  await expect(page.getByTestId("rating-agreement").locator("tr[data-would-post=true]")).toBeVisible();
});

test("the funnel shows every step, and why posts stopped at one is a click away, down to the draft", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);

  const table = page.getByTestId("funnel-table");
  for (const label of ["Eligible", "Triaged in", "Drafted", "AI wrote a note", "Reviewed", "Approved", "Submitted", "Evaluator high", "Rated helpful"]) {
    await expect(table.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("chart-funnel")).toBeVisible();

  // The e2e queue is drafted but mostly undecided: drafts stop at "Reviewed", waiting in the queue.
  await table.locator("tr[data-step=reviewed]").getByRole("link", { name: /why\?/ }).click();
  await expect(page).toHaveURL(/step=reviewed/);
  const panel = page.getByTestId("dropouts");
  await expect(panel).toContainText("Stopped before “Reviewed”");
  await expect(panel.getByTestId("dropout-row").first()).toBeVisible();

  await panel.getByRole("link", { name: /^in the queue, unclaimed/ }).click();
  await expect(page).toHaveURL(/reason=in_queue/);
  await expect(panel.getByRole("link", { name: /^in the queue, unclaimed/ })).toHaveAttribute("aria-current", "true");
  const row = panel.getByTestId("dropout-row").first();
  await expect(row).toContainText("in the queue, unclaimed");

  await row.getByRole("link", { name: "Draft" }).click();
  await expect(page).toHaveURL(/\/queue\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "AI draft", exact: true })).toBeVisible();
});

test("the period and mode live in the URL, and speed figures are given in words too", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/insights?range=30d&mode=test");
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("30d");
  await expect(page.getByLabel("Mode", { exact: true })).toHaveValue("test");
  await page.getByLabel("Period", { exact: true }).selectOption("all");
  await expect(page).toHaveURL(/range=all/);
  await expect(page).toHaveURL(/mode=test/);
  await expect(page.getByTestId("speed-figures")).toContainText("Post age at submission");
  await expect(page.getByTestId("speed-figures")).toContainText("Time in the queue");
});
