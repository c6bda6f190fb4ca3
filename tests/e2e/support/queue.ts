import { expect, type Page } from "@playwright/test";

import type { CreateNoteBody } from "../../../lib/x";

/**
 * Picks the oldest draft nobody holds. Specs share one server, so each takes fresh drafts this way
 * rather than relying on positions another spec may have used.
 */
export async function openFreeDraft(page: Page): Promise<string> {
  await page.goto("/queue?claim=unclaimed");
  const row = page.getByTestId("queue-row").first();
  const draftId = await row.getAttribute("data-draft-id");
  if (!draftId) throw new Error("no unclaimed draft left in the e2e queue");
  await page.goto(`/queue/${draftId}`);
  await expectEditable(page);
  return draftId;
}

/** The claim went through: the editor takes typing. */
export async function expectEditable(page: Page): Promise<void> {
  await expect(page.getByLabel("Note text")).toBeEditable();
  await expect(page.getByTestId("claim-banner")).toHaveCount(0);
}

export function draftIdOf(page: Page): string {
  const match = /\/queue\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a draft page: ${page.url()}`);
  return match[1];
}

/**
 * The offline drafter's notes often cite shorteners or http:// links, which the submit checks refuse
 * (docs/gates.md). This writes and saves one that passes them all — a sourced claim and a live https
 * link on the simulator's web — and leaves the text field, so single-key shortcuts work again.
 */
export async function writeSendableNote(page: Page, tag: string, link = "https://stats.valmora.gov/reports/2025-fares"): Promise<void> {
  await page.getByLabel("Note text").fill(`According to the official figures published by the agency, fares rose 4% in 2025, not 79% (${tag}). ${link}`);
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("unsaved-marker")).toHaveCount(0);
  await page.keyboard.press("Escape");
}

/** What the confirm dialog promises, once its submit checks have answered. */
export type ConfirmDialog = { mode: string; body: CreateNoteBody; passed: boolean };

/** Opens the confirm dialog with `a` and waits for the submit checks (links and evaluate_note take a moment). */
export async function openApproveDialog(page: Page): Promise<ConfirmDialog> {
  await page.keyboard.press("a");
  const mode = page.getByTestId("submit-mode");
  await expect(mode).toBeVisible();
  const checklist = page.getByTestId("gate-checklist");
  await expect(checklist).toHaveAttribute("data-passed", /^(true|false)$/, { timeout: 15_000 });
  return {
    mode: (await mode.getAttribute("data-mode")) ?? "",
    body: JSON.parse((await page.getByTestId("request-body").textContent()) ?? "") as CreateNoteBody,
    passed: (await checklist.getAttribute("data-passed")) === "true",
  };
}

/**
 * Rejects a draft a test wrote a note on but did not send, so the edited note doesn't go back to the
 * pool of free drafts other specs take (they expect the AI's draft there). Reopens the page first,
 * which closes any dialog, and leaves for the queue after, which releases the draft the reject moved on to.
 */
export async function rejectDraft(page: Page, draftId: string): Promise<void> {
  await page.goto(`/queue/${draftId}`);
  await expectEditable(page);
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Reject this draft" });
  await dialog.getByLabel("Other (say why in the note)").check();
  await dialog.getByLabel(/^Note/).fill("Written by an end-to-end test and not sent.");
  await dialog.getByRole("button", { name: /^Reject/ }).click();
  await expect(page).not.toHaveURL(new RegExp(`/queue/${draftId}`));
  await page.goto("/queue");
}
