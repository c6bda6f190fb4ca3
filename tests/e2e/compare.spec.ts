import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./support/sign-in";

/**
 * The blind side-by-side as a reviewer uses it: the drafting variants' names are nowhere in the page
 * (HTML and the RSC payload inline in it) until the choice is made, and the sides are drawn at random.
 * The e2e server's writer has the live "Default" variant and the demo's "Concise (offline)" shadow.
 */
const LIVE = "Default";
const SHADOW = "Concise (offline)";

/** Keys and buttons in turn, so every way of answering is used. */
const answers: { key?: string; button?: RegExp }[] = [{ key: "1" }, { key: "b" }, { key: "3" }, { button: /^A is better/ }, { key: "2" }, { key: "t" }, { key: "a" }, { button: /^About the same/ }];

async function currentPairText(page: Page): Promise<string> {
  return `${await page.getByTestId("draft-A").innerText()}\n${await page.getByTestId("draft-B").innerText()}`;
}

test("a reviewer compares drafts blind: names hidden until the choice, sides in random order", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/compare");

  const liveSides = new Set<"A" | "B">();
  let judged = 0;
  // Up to 20 pairs: both orders are all but certain long before (two alike in a row: 1 in 2, twenty: 1 in 500,000).
  while (judged < 20 && (liveSides.size < 2 || judged < answers.length)) {
    await expect(page.getByTestId("draft-A")).toBeVisible();
    const html = await page.content();
    expect(html, "variant names before the choice").not.toContain(SHADOW);
    expect(html, "variant names before the choice").not.toContain(LIVE);
    expect(html).not.toContain("draft-v2");
    expect(page.url()).not.toMatch(/Default|Concise|variant/i);
    await expect(page.getByTestId("reveal")).toHaveCount(0);

    const answer = answers[judged % answers.length]!;
    if (answer.key) await page.keyboard.press(answer.key);
    else await page.getByRole("button", { name: answer.button }).click();

    const reveal = page.getByTestId("reveal");
    await expect(reveal).toContainText(SHADOW);
    await expect(reveal).toContainText(LIVE);
    const after = await page.content();
    expect(after).toContain(SHADOW);
    const liveOnA = (await page.getByTestId("reveal-a").innerText()).includes("live");
    liveSides.add(liveOnA ? "A" : "B");
    judged += 1;

    const shown = await currentPairText(page);
    await page.keyboard.press("n");
    await expect(page.getByTestId("reveal")).toHaveCount(0);
    expect(await currentPairText(page), "the next pair is another one").not.toBe(shown);
  }

  expect(judged).toBeGreaterThanOrEqual(answers.length);
  expect([...liveSides].sort()).toEqual(["A", "B"]);
});

test("the variants page shows the judgements, and promotion asks for confirmation first", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings/variants");
  const shadow = page.getByTestId(`variant-${SHADOW}`);
  await expect(shadow).toContainText("shadow");
  await expect(page.getByTestId(`variant-${LIVE}`)).toContainText("live");
  await expect(shadow).toContainText(/\d+ comparisons/);

  await shadow.getByRole("button", { name: "Promote to live…" }).click();
  const dialog = page.getByRole("dialog", { name: `Make "${SHADOW}" the live variant?` });
  await expect(dialog).toContainText(`"${LIVE}" stops being live`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId(`variant-${LIVE}`)).toContainText("live");
});

test("viewers can read the variants page but not judge", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/settings/variants");
  await expect(page.getByTestId(`variant-${SHADOW}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Promote to live…" })).toHaveCount(0);
  await page.goto("/compare");
  await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
});
