import { expect, type Page } from "@playwright/test";

import type { Role } from "../../../lib/auth/roles";
import { E2E_PASSWORD, e2eUsers } from "./users";

export async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(e2eUsers[role].email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue/);
}
