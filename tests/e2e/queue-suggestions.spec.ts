import { expect, test } from "@playwright/test";

import { openFreeDraft } from "./support/queue";
import { signIn } from "./support/sign-in";

test("a suggestion goes to the AI and comes back answered, with the draft's history updated", async ({ page }) => {
  await signIn(page, "reviewer");
  await openFreeDraft(page);

  await page.getByLabel("A suggestion").fill("Link the agency's own statement rather than a report about it.");
  await page.getByRole("button", { name: "Add suggestion" }).click();
  await expect(page.getByTestId("suggestion")).toContainText("waiting");

  await page.getByRole("button", { name: /Ask for a revision/ }).click();
  await expect(page.getByTestId("revision-pending")).toBeVisible();
  // The e2e server's worker runs the revision job with the offline drafter.
  await expect(page.getByTestId("revision-pending")).toHaveCount(0, { timeout: 20_000 });

  await page.getByRole("tab", { name: /Suggestions/ }).click();
  const answered = page.getByRole("tabpanel").getByTestId("suggestion");
  await expect(answered).toContainText(/YES|NO|PARTIALLY/);
  await expect(answered).toContainText("AI:");
  await page.getByRole("tab", { name: /Audit/ }).click();
  await expect(page.getByTestId("audit-log")).toContainText("left a suggestion");
});
