import { expect, test } from "@playwright/test";

import { signIn } from "./support/sign-in";
import { E2E_PASSWORD, e2eUsers } from "./support/users";

test("a visitor is sent to sign in and comes back where they were going", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  await page.getByLabel("Email").fill(e2eUsers.reviewer.email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("current-user")).toHaveText(`${e2eUsers.reviewer.name} · reviewer`);
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(e2eUsers.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fqueue/);
});

test("a viewer is refused a page that needs a higher role", async ({ page }) => {
  await signIn(page, "viewer");
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
});

test("an admin sees Settings without any secret", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings");
  await expect(page.getByTestId("settings-x-api")).toContainText("Notedesk simulator");
  await expect(page.getByTestId("settings-llm")).toContainText("offline");
  await expect(page.locator("body")).not.toContainText("notedesk-sim-consumer-secret");
});

test("unknown pages get the 404 page", async ({ page }) => {
  await signIn(page, "viewer");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
