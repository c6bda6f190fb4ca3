import { expect, test, type Page } from "@playwright/test";

import { openApproveDialog, openFreeDraft, writeSendableNote, type ConfirmDialog } from "./support/queue";
import { signIn } from "./support/sign-in";
import { simulator } from "./support/simulator";

/** Opens the confirm dialog with `a` on a note that passes every check: the confirm button has the focus. */
async function openConfirm(page: Page): Promise<ConfirmDialog> {
  const dialog = await openApproveDialog(page);
  expect(dialog.passed).toBe(true);
  await expect(page.getByTestId("confirm-submit")).toBeFocused();
  return dialog;
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
  await expect(page.getByTestId("checklist-mode")).toHaveText(mode);
  await page.keyboard.press("Enter");

  const outcome = page.getByTestId("submission-outcome");
  await expect(outcome).toHaveAttribute("data-state", "succeeded");
  const noteId = await outcome.getByTestId("x-note-id").textContent();
  const note = (await simulator.notes()).find((n) => n.id === noteId);
  expect(note).toMatchObject({ postId: body.post_id, testMode: mode === "test", text: body.info.text });
  expect(body.test_mode).toBe(mode === "test");
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
