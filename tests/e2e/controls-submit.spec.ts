import { expect, test, type Page } from "@playwright/test";

import { liftEmergencyStop, setEmergencyStop, switchWriterMode } from "./support/controls";
import { expectEditable, openApproveDialog, openFreeDraft, rejectDraft, writeSendableNote } from "./support/queue";
import { signIn, signInElsewhere } from "./support/sign-in";
import { simulator } from "./support/simulator";

/**
 * The submit checks (docs/gates.md) as an approver meets them, judged by what the X simulator really
 * received: its request log holds every POST /2/notes with the body as it arrived. Each test writes
 * its own note on a draft nobody holds, so none depends on another or on the queue's order; a note
 * that was not sent is rejected at the end, so no edited draft goes back to the pool other specs take from.
 */

test.afterEach(() => simulator.clearFaults());

const confirmButton = (page: Page) => page.getByTestId("confirm-submit");
const dialogAlert = (page: Page) => page.getByRole("dialog").getByRole("alert");

async function approverOnFreeDraft(page: Page): Promise<string> {
  await signIn(page, "approver");
  return openFreeDraft(page);
}

test("an edit after the approver saw the request voids that approval: only the edited note reaches X", async ({ page }) => {
  const draftId = await approverOnFreeDraft(page);
  await writeSendableNote(page, "first wording");
  const seen = await openApproveDialog(page);
  expect(seen.passed).toBe(true);
  expect(seen.body.info.text).toContain("(first wording)");

  // The same approver changes the note in another tab while this dialog still shows the first wording.
  const otherTab = await page.context().newPage();
  await otherTab.goto(`/queue/${draftId}`);
  await expectEditable(otherTab);
  await writeSendableNote(otherTab, "edited wording");

  await confirmButton(page).click();
  await expect(dialogAlert(page)).toContainText("Someone changed this draft since you opened it.");
  expect(await simulator.createNoteRequests(seen.body.post_id)).toEqual([]);

  // Opened again on the page that still shows the first wording, the dialog shows neither wording's
  // request: not the first (approval would refuse it) nor the edit (the page doesn't show it).
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(page.getByTestId("draft-changed")).toContainText("This draft changed since this page loaded");
  await expect(page.getByTestId("request-body")).toHaveCount(0);
  await expect(page.getByTestId("gate-checklist")).toHaveCount(0);
  await expect(confirmButton(page)).toBeDisabled();
  await expect(confirmButton(page)).toHaveText("The draft changed since this page loaded");

  await page.getByRole("button", { name: "Show the latest version" }).click();
  await expect(page.getByTestId("request-body")).toContainText("(edited wording)");
  await expect(page.getByLabel("Note text")).toHaveValue(/\(edited wording\)/);
  await expect(page.getByTestId("gate-checklist")).toHaveAttribute("data-passed", "true", { timeout: 15_000 });
  const edited = JSON.parse((await page.getByTestId("request-body").textContent()) ?? "") as typeof seen.body;
  await confirmButton(page).click();
  await expect(page.getByTestId("submission-outcome")).toHaveAttribute("data-state", "succeeded");
  await otherTab.close();

  const received = await simulator.createNoteRequests(seen.body.post_id);
  expect(received.map((r) => r.body.info.text)).toEqual([edited.info.text]);
});

test("a failing evaluator blocks the submit and says why", async ({ page }) => {
  await simulator.addFault({ route: "evaluate_note", fault: { kind: "server_error" }, schedule: { kind: "every", n: 1 } });
  const draftId = await approverOnFreeDraft(page);
  await writeSendableNote(page, "evaluator down");
  const { body, passed } = await openApproveDialog(page);

  expect(passed).toBe(false);
  const gate = page.getByTestId("gate-row-evaluator");
  await expect(gate).toHaveAttribute("data-pass", "false");
  await expect(gate).toContainText("evaluate_note gave no score, so this can't pass: X had an internal error (HTTP 5xx).");
  await expect(confirmButton(page)).toBeDisabled();
  await expect(confirmButton(page)).toHaveText("Blocked: evaluate_note gave no score");

  // The evaluator was really asked about this note, and really failed; the note itself went nowhere.
  const evaluations = (await simulator.requests()).filter(
    (r) => r.route === "evaluate_note" && r.body !== null && (JSON.parse(r.body) as { post_id: string }).post_id === body.post_id,
  );
  expect(evaluations.length).toBeGreaterThan(0);
  expect(evaluations.every((r) => r.fault === "server_error")).toBe(true);
  expect(await simulator.createNoteRequests(body.post_id)).toEqual([]);
  await rejectDraft(page, draftId);
});

test("a dead link blocks the submit, with the status it answered", async ({ page }) => {
  const deadLink = "https://stats.valmora.gov/removed/page";
  const draftId = await approverOnFreeDraft(page);
  await writeSendableNote(page, "dead link", deadLink);
  const { body, passed } = await openApproveDialog(page);

  expect(passed).toBe(false);
  await expect(page.getByTestId("gate-row-links")).toHaveAttribute("data-pass", "false");
  const result = page.getByTestId("gate-row-links").getByTestId("link-result").filter({ hasText: deadLink });
  await expect(result).toHaveAttribute("data-ok", "false");
  await expect(result.getByRole("cell").nth(1)).toHaveText("404");
  await expect(confirmButton(page)).toBeDisabled();
  await expect(confirmButton(page)).toHaveText("Blocked: a link doesn't answer 200");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await simulator.createNoteRequests(body.post_id)).toEqual([]);
  await rejectDraft(page, draftId);
});

test("the emergency stop blocks a submit already on screen", async ({ page, browser }) => {
  const draftId = await approverOnFreeDraft(page);
  await writeSendableNote(page, "stopped");
  const { body, passed } = await openApproveDialog(page);
  expect(passed).toBe(true);

  const admin = await signInElsewhere(browser, "admin");
  try {
    const reason = "This morning's batch cites a source that was withdrawn.";
    await setEmergencyStop(admin, reason);

    // The dialog still shows every check passing, as it did when it opened: the click must not send.
    await expect(confirmButton(page)).toBeEnabled();
    await confirmButton(page).click();
    await expect(dialogAlert(page)).toContainText("Not sent. Blocked: the emergency stop is on");
    await expect(dialogAlert(page)).toContainText(reason);
    await expect(page.getByTestId("gate-row-emergency_stop")).toHaveAttribute("data-pass", "false");
    await expect(confirmButton(page)).toHaveText("Blocked: the emergency stop is on");
    await expect(page.getByTestId("gate-summary")).toHaveText("Blocked: the emergency stop is on.");
    await expect(confirmButton(page)).toBeDisabled();
    expect(await simulator.createNoteRequests(body.post_id)).toEqual([]);
  } finally {
    await liftEmergencyStop(admin);
    await admin.context().close();
  }
  await rejectDraft(page, draftId);
});

test("the mode the confirm dialog shows is the test_mode X receives, in exactly the body shown", async ({ page }) => {
  await approverOnFreeDraft(page);
  await writeSendableNote(page, "mode check");
  const { mode, body, passed } = await openApproveDialog(page);
  expect(passed).toBe(true);

  expect(mode).toBe("test");
  await expect(page.getByTestId("submit-mode")).toHaveText("TEST FEED");
  await expect(page.getByTestId("checklist-mode")).toHaveText(mode);
  await expect(confirmButton(page)).toContainText("Submit to TEST feed");
  await confirmButton(page).click();
  await expect(page.getByTestId("submission-outcome")).toHaveAttribute("data-state", "succeeded");

  const received = await simulator.createNoteRequests(body.post_id);
  expect(received).toEqual([{ outcome: 201, body }]);
  expect(received[0]?.body.test_mode).toBe(mode === "test");
});

test("a dialog still showing test mode sends nothing once the writer is switched to production", async ({ page, browser }) => {
  const draftId = await approverOnFreeDraft(page);
  await writeSendableNote(page, "mode switched");
  const { mode, body, passed } = await openApproveDialog(page);
  expect([mode, passed]).toEqual(["test", true]);

  const admin = await signInElsewhere(browser, "admin");
  try {
    await switchWriterMode(admin, "production");
    await confirmButton(page).click();
    await expect(dialogAlert(page)).toContainText("Not sent. Blocked: the draft's feed no longer matches the writer's mode");
    // Asked again, the dialog shows the mode the writer is in now and why this test-feed draft can't go.
    await expect(page.getByTestId("checklist-mode")).toHaveText("production");
    await expect(page.getByTestId("gate-row-mode")).toHaveAttribute("data-pass", "false");
    await expect(page.locator("[data-testid=submit-mode][data-mode=test]")).toHaveCount(0);
    await expect(confirmButton(page)).toBeDisabled();
    expect(await simulator.createNoteRequests(body.post_id)).toEqual([]);
  } finally {
    await switchWriterMode(admin, "test");
    await admin.context().close();
  }
  await rejectDraft(page, draftId);
});
