import { expect, test, type Page } from "@playwright/test";

import { openFreeDraft, writeSendableNote } from "./support/queue";
import { signIn } from "./support/sign-in";
import { simulator } from "./support/simulator";

type RequestBody = { test_mode: boolean; post_id: string; info: { text: string } };

/** Opens the confirm dialog with `a` and reads what it promises to send. */
async function openConfirm(page: Page): Promise<{ mode: string; body: RequestBody }> {
  await page.keyboard.press("a");
  const mode = page.getByTestId("submit-mode");
  await expect(mode).toBeVisible();
  await expect(page.getByTestId("gate-checklist")).toHaveAttribute("data-passed", "true", { timeout: 15_000 });
  await expect(page.getByTestId("confirm-submit")).toBeFocused();
  return {
    mode: (await mode.getAttribute("data-mode")) ?? "",
    body: JSON.parse((await page.getByTestId("request-body").textContent()) ?? "") as RequestBody,
  };
}

test.afterEach(() => simulator.clearFaults());

test("a reviewer sees why they can't approve", async ({ page }) => {
  await signIn(page, "reviewer");
  await openFreeDraft(page);
  await expect(page.getByRole("button", { name: /Approve & submit/ })).toBeDisabled();
  await expect(page.getByText("Approving and submitting needs the approver role.")).toBeVisible();
});

test("approve and submit in test mode: the simulator receives exactly what the dialog showed", async ({ page }) => {
  await signIn(page, "approver");
  await openFreeDraft(page);
  await expect(page.getByTestId("mode-badge")).toHaveText("TEST MODE");
  await writeSendableNote(page, "test mode");

  const { mode, body } = await openConfirm(page);
  expect(mode).toBe("test");
  await expect(page.getByTestId("submit-mode")).toHaveText("TEST FEED");
  // The checklist's own mode line (its "mode" gate row shares the test id, hence the span).
  await expect(page.locator("span[data-testid=gate-mode]")).toHaveText(mode);
  await page.keyboard.press("Enter");

  const outcome = page.getByTestId("submission-outcome");
  await expect(outcome).toHaveAttribute("data-state", "succeeded");
  const noteId = await outcome.getByTestId("x-note-id").textContent();
  const note = (await simulator.notes()).find((n) => n.id === noteId);
  expect(note).toMatchObject({ postId: body.post_id, testMode: mode === "test", text: body.info.text });
  expect(body.test_mode).toBe(mode === "test");
});

test("a failing submit check keeps the button shut and says why", async ({ page }) => {
  await signIn(page, "approver");
  await openFreeDraft(page);
  await writeSendableNote(page, "dead link", "https://stats.valmora.gov/removed/page");
  await page.keyboard.press("a");
  await expect(page.getByTestId("gate-checklist")).toHaveAttribute("data-passed", "false", { timeout: 15_000 });
  const confirm = page.getByTestId("confirm-submit");
  await expect(confirm).toBeDisabled();
  await expect(confirm).toContainText("Blocked by: Every link answers 200");
  await expect(page.locator("li[data-testid=gate-links]")).toContainText("404");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect((await simulator.notes()).some((n) => n.text.includes("(dead link)"))).toBe(false);
});

test("a lost answer on submit ends with exactly one note after reconciling", async ({ page }) => {
  await simulator.addFault({ route: "create_note", fault: { kind: "fail_after_commit", then: "drop_connection" } });
  await signIn(page, "approver");
  await openFreeDraft(page);
  await writeSendableNote(page, "lost answer");
  const { body } = await openConfirm(page);
  await page.keyboard.press("Enter");

  const outcome = page.getByTestId("submission-outcome");
  await expect(outcome).toHaveAttribute("data-state", "needs_reconcile");
  const onPost = async () => (await simulator.notes()).filter((n) => n.postId === body.post_id);
  expect(await onPost()).toHaveLength(1);

  await outcome.getByRole("button", { name: "Reconcile now" }).click();
  await expect(outcome).toHaveAttribute("data-state", "succeeded");
  const notes = await onPost();
  expect(notes).toHaveLength(1);
  await expect(outcome.getByTestId("x-note-id")).toHaveText(notes[0]?.id ?? "");
});
