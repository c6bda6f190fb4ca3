import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { expectEditable, openFreeDraft } from "./support/queue";
import { signIn } from "./support/sign-in";
import { e2eAccount, type E2eAccount } from "./support/users";

/** Separate browser contexts are separate people (or windows) with their own sessions. */
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function signedInPage(browser: Browser, account: E2eAccount): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test("two reviewers open the same draft at once: one gets it, the other sees who has it", async ({ browser }) => {
  const [rita, rex] = await Promise.all([signedInPage(browser, "reviewer"), signedInPage(browser, "secondReviewer")]);
  await rita.goto("/queue?claim=unclaimed");
  const draftId = await rita.getByTestId("queue-row").first().getAttribute("data-draft-id");

  await Promise.all([rita.goto(`/queue/${draftId}`), rex.goto(`/queue/${draftId}`)]);
  await Promise.all([rita, rex].map((page) => expect(page.getByLabel("Note text")).toBeVisible()));
  // Each page settles: either the editor is open or a read-only banner names the holder.
  const outcome = async (page: Page) => {
    await expect(page.getByText("Claiming this draft…")).toHaveCount(0);
    return (await page.getByTestId("claim-banner").count()) === 0 ? "editing" : "refused";
  };
  const [ritaOutcome, rexOutcome] = await Promise.all([outcome(rita), outcome(rex)]);
  expect([ritaOutcome, rexOutcome].sort()).toEqual(["editing", "refused"]);

  const [winner, loser, winnerName] = ritaOutcome === "editing" ? [rita, rex, e2eAccount("reviewer").name] : [rex, rita, e2eAccount("secondReviewer").name];
  await expectEditable(winner);
  await expect(loser.getByTestId("claim-banner")).toContainText(`claimed by ${winnerName} · just now`);
  await expect(loser.getByLabel("Note text")).not.toBeEditable();
  await expect(loser.getByRole("button", { name: /Reject/ })).toBeDisabled();

  // The queue tells everyone else too.
  await loser.goto("/queue");
  await expect(loser.locator(`[data-draft-id="${draftId}"]`).getByTestId("claim-label")).toHaveText(`claimed by ${winnerName} · just now`);
});

test("an edit conflict keeps both versions and loses nothing", async ({ browser }) => {
  // The same reviewer in two windows: claims keep two different people from editing one draft at all.
  const [first, second] = await Promise.all([signedInPage(browser, "reviewer"), signedInPage(browser, "reviewer")]);
  const draftId = await openFreeDraft(first);
  await second.goto(`/queue/${draftId}`);
  await expectEditable(second);

  const firstText = "The council's own minutes show the vote was 7 to 2, not unanimous. https://example.org/minutes";
  const secondText = "Minutes published by the council record a 7–2 vote. https://example.org/council/minutes";
  await first.getByLabel("Note text").fill(firstText);
  await second.getByLabel("Note text").fill(secondText);

  await first.getByRole("button", { name: /^Save Ctrl/ }).click();
  await expect(first.getByTestId("unsaved-marker")).toHaveCount(0);

  await second.getByRole("button", { name: /^Save Ctrl/ }).click();
  const conflict = second.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible();
  await expect(second.getByTestId("conflict-theirs")).toContainText(firstText);
  await expect(second.getByTestId("conflict-yours")).toContainText(secondText);
  await expect(second.getByTestId("conflict-diff").locator("del").first()).toBeVisible();
  await expect(second.getByLabel("Note text")).toHaveValue(secondText);

  // A reload keeps the unsaved text too (sessionStorage), and the conflict with it.
  await second.reload();
  await expect(second.getByLabel("Note text")).toHaveValue(secondText);
  await expect(conflict).toBeVisible();

  await conflict.getByRole("button", { name: "Save mine on top of theirs" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(second.getByTestId("unsaved-marker")).toHaveCount(0);
  const revisions = second.getByTestId("revision");
  await expect(revisions).toHaveCount(3);
  await expect(revisions.nth(0)).toContainText("Minutes published by the council record");
  await expect(revisions.nth(1)).toContainText("not unanimous");
});
