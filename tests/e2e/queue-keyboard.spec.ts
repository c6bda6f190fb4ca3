import { expect, test } from "@playwright/test";

import { draftIdOf, expectEditable } from "./support/queue";
import { signIn } from "./support/sign-in";

test("a reviewer works through drafts by keyboard alone: edit, save and next, skip, reject, undo", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/queue?claim=unclaimed");

  // Open a draft from the list. Keys pressed before the page has hydrated do nothing: press until one lands.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(page.locator("a[data-testid=queue-row]:focus")).toHaveCount(1, { timeout: 500 });
  }).toPass();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/queue\/[^?]+/);
  await expectEditable(page);
  const edited = draftIdOf(page);

  // e focuses the editor; typing is not taken for shortcuts; Ctrl+Enter saves and moves on.
  await page.keyboard.press("e");
  const text = page.getByLabel("Note text");
  await expect(text).toBeFocused();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Checked sjr.");
  await expect(page.getByTestId("unsaved-marker")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(page).not.toHaveURL(new RegExp(edited));
  await expectEditable(page);

  // s skips: the next draft appears.
  const skipped = draftIdOf(page);
  await page.keyboard.press("s");
  await expect(page).not.toHaveURL(new RegExp(skipped));
  await expectEditable(page);

  // r rejects with a reason picked by arrow keys and a note.
  const rejected = draftIdOf(page);
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Reject this draft" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByLabel("The post is not misleading")).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Satire account, clearly labelled.");
  await page.keyboard.press("Control+Enter");
  await expect(page).not.toHaveURL(new RegExp(rejected));
  await expectEditable(page);

  // u takes back the rejection and returns to that draft, held by the same reviewer.
  await page.keyboard.press("u");
  await expect(page).toHaveURL(new RegExp(`/queue/${rejected}`));
  await expectEditable(page);
  await expect(page.getByText("Ready", { exact: true }).first()).toBeVisible();

  // The edit was saved as a new human revision.
  await page.goto(`/queue/${edited}`);
  const newest = page.getByTestId("revision").first();
  await expect(newest).toContainText("Checked sjr.");
  await expect(newest).toContainText("Rita Reviewer");
  await expect(newest).toContainText("current");
});
