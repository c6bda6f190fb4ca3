import { expect, type Browser, type Page } from "@playwright/test";

import { E2E_PASSWORD, e2eAccount, type E2eAccount } from "./users";

export async function signIn(page: Page, account: E2eAccount): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(e2eAccount(account).email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue/);
}

/** Someone at another desk: a browser context of their own, signed in. The caller closes its context. */
export async function signInElsewhere(browser: Browser, account: E2eAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  return page;
}
