import { expect, test, type Page } from "@playwright/test";

import { demoCredentials } from "../../lib/x-simulator/credentials";
import { readE2eServerInfo } from "./support/e2e-server-info";
import { openFreeDraft } from "./support/queue";
import { signIn } from "./support/sign-in";
import { e2eUsers } from "./support/users";

/**
 * The notes page against the e2e server's X simulator. Test notes go out through the app's own
 * queue (approve & submit); production notes, whose statuses move with simulated time, are written
 * on the simulator through its API as the writer would from any tool (the live feed has no drafts
 * another spec could still approve). Specs share the server and simulator, so assertions look for
 * this spec's notes, not totals.
 */

const HOUR = 3_600_000;
const run = Date.now().toString(36);
const helpfulText = `The official report published by the health board shows a 12% rise, not 48% (ref ${run}). https://stats.valmora.gov/reports/2025/annual-summary`;
const weakText = `Honestly I think this is terrible and everyone knows it ${run}. https://bit.ly/3xYz`;

type SimPost = { id: string; matchedMediaNotes: { matchStatus: string }[] };

const sim = () => readE2eServerInfo().simulatorUrl;

async function simulatorCall(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${sim()}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Production notes on live-feed posts this writer has no note on yet. */
async function writeProductionNotes(texts: string[]): Promise<void> {
  const taken = new Set(((await simulatorCall("GET", "/_sim/notes")) as { postId: string }[]).map((n) => n.postId));
  const posts = (await simulatorCall("GET", "/_sim/posts?test_mode=false")) as SimPost[];
  const free = posts.filter((p) => !taken.has(p.id) && !p.matchedMediaNotes.some((m) => m.matchStatus === "matched_and_shown"));
  for (const [index, text] of texts.entries()) {
    const post = free[index];
    if (!post) throw new Error("the simulator's live feed has too few free posts");
    const info = { text, classification: "misinformed_or_potentially_misleading", misleading_tags: ["factual_error"], trustworthy_sources: true };
    await simulatorCall("POST", "/2/notes", { test_mode: false, post_id: post.id, info }, { authorization: `Bearer ${demoCredentials.writer.oauth2UserToken}` });
  }
}

/**
 * Approves the oldest free draft whose submission gates pass (some drafts link to pages the link
 * check cannot reach, and other specs take drafts too); returns the X note id.
 */
async function approveADraft(page: Page): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await openFreeDraft(page);
    await page.keyboard.press("a");
    const confirm = page.getByTestId("confirm-submit");
    // Ready once the checks are in: enabled, or naming the gate that blocks it.
    await expect.poll(async () => (await confirm.isEnabled()) || /^Blocked:/.test((await confirm.textContent()) ?? ""), { timeout: 15_000 }).toBe(true);
    if (await confirm.isDisabled()) continue; // this one stays claimed, so the next open takes another
    await page.keyboard.press("Enter");
    const outcome = page.getByTestId("submission-outcome");
    await expect(outcome).toHaveAttribute("data-state", "succeeded");
    return (await outcome.getByTestId("x-note-id").textContent()) ?? "";
  }
  throw new Error("no draft in the e2e queue passes the submission gates");
}

const advanceSimulator = (ms: number) => simulatorCall("POST", "/_sim/clock/advance", { ms });

/** Presses "Refresh now" and waits for the toast that says what it read. */
async function refreshNow(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByRole("status").filter({ hasText: expected })).toBeVisible({ timeout: 20_000 });
}

const row = (page: Page, text: string) => page.getByTestId("note-row").filter({ hasText: text });
const rowOf = (page: Page, noteId: string) => page.getByTestId("note-row").filter({ has: page.locator(`a[href="/notes/${noteId}"]`) });

test.describe.serial("the notes page", () => {
  const approved: string[] = [];

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, "approver");
    approved.push(await approveADraft(page), await approveADraft(page));
    await page.close();
    await simulatorCall("POST", `/_sim/writers/${demoCredentials.writer.id}/admit`);
    await writeProductionNotes([helpfulText, weakText]);
    await advanceSimulator(2 * 60_000); // test notes are scored a minute after they are written
  });

  // Other specs expect the writer where it started: in test mode only.
  test.afterAll(() => simulatorCall("PATCH", `/_sim/writers/${demoCredentials.writer.id}`, { admitted: false }));

  test("a reviewer refreshes, and the table, charts and admission bars render from the simulator's notes", async ({ page }) => {
    await signIn(page, "reviewer");
    await page.goto("/notes");
    await refreshNow(page, /^Read \d+ notes \(\d+ new, \d+ changed\)/);
    for (const noteId of approved) {
      await expect(rowOf(page, noteId)).toContainText(e2eUsers.approver.name);
      await expect(rowOf(page, noteId)).toContainText("AI draft, unedited");
      await expect(rowOf(page, noteId)).toHaveAttribute("data-mode", "test");
    }
    await expect(row(page, helpfulText)).toContainText("NMR");
    await expect(row(page, weakText)).toContainText("NMR");

    // Hours later the production notes have statuses: a second refresh records the change.
    await advanceSimulator(7 * HOUR);
    await refreshNow(page, /^Read \d+ notes \(0 new, [1-9]\d* changed\)/);
    await expect(row(page, helpfulText)).toContainText("CRH");
    await expect(row(page, weakText)).toContainText("CRNH");

    await expect(page.getByTestId("admission-bar")).toHaveCount(4);
    await expect(page.getByTestId("admission-bars")).toContainText("ClaimOpinion high ≥ 30%");
    await expect(page.getByTestId("admission-bars")).toContainText(/\d+ of \d+ scored/);
    await expect(page.getByTestId("writing-limit")).toContainText(/≈ \d+/);
    for (const chart of ["chart-buckets-ClaimOpinion", "chart-buckets-UrlValidity", "chart-buckets-HarassmentAbuse", "chart-statuses", "chart-helpful"]) {
      await expect(page.getByTestId(chart).getByRole("application")).toBeVisible(); // the chart's <svg>
    }
    await expect(page.getByTestId("chart-buckets-ClaimOpinion").locator(".recharts-bar-rectangle")).not.toHaveCount(0);
    await expect(page.getByTestId("chart-statuses").locator(".recharts-area")).not.toHaveCount(0);
  });

  test("filters live in the URL and a note opens with its timeline and draft history", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/notes");
    await page.getByLabel("Mode", { exact: true }).selectOption("production");
    await expect(page).toHaveURL(/mode=production/);
    await page.getByLabel("Status", { exact: true }).selectOption("currently_rated_helpful");
    await expect(page).toHaveURL(/mode=production&status=currently_rated_helpful/);
    await expect(page.locator('[data-testid="note-row"][data-mode="test"]')).toHaveCount(0);
    await expect(row(page, weakText)).toHaveCount(0);

    await row(page, helpfulText).getByRole("link").click();
    await expect(page.getByTestId("note-text")).toHaveText(helpfulText);
    const timeline = page.getByTestId("note-timeline").locator("tbody tr");
    await expect(timeline).toHaveCount(2);
    await expect(timeline.nth(0)).toContainText("NMR");
    await expect(timeline.nth(1)).toContainText("CRH");

    await page.goto(`/notes/${approved[0]}`);
    await expect(page.getByTestId("revision")).not.toHaveCount(0);
    await expect(page.getByTestId("draft-events")).toContainText(e2eUsers.approver.name);
  });

  test("a viewer exports the notes as CSV but cannot refresh", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/notes");
    await expect(page.getByRole("button", { name: "Refresh now" })).toHaveCount(0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^notedesk-notes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^note_id,post_id,mode,status,/);
    expect(csv.split(helpfulText)).toHaveLength(2); // the note, once
    for (const noteId of approved) expect(csv).toContain(`${noteId},`);
  });

  test("the export refuses a request without a session", async ({ request }) => {
    expect((await request.get("/api/notes/export?format=csv")).status()).toBe(401);
  });
});
