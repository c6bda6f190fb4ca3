import type { Role } from "../../../lib/auth/roles";

/** One account per role, created by the e2e server on its fresh database. */
export const E2E_PASSWORD = "e2e-password-123";

export const e2eUsers: Record<Role, { email: string; name: string }> = {
  viewer: { email: "viewer@e2e.test", name: "Vera Viewer" },
  reviewer: { email: "reviewer@e2e.test", name: "Rita Reviewer" },
  approver: { email: "approver@e2e.test", name: "Arno Approver" },
  admin: { email: "admin@e2e.test", name: "Ada Admin" },
};

/** Further accounts for tests where two people of the same role meet (claims, edit conflicts). */
export const extraE2eUsers = {
  secondReviewer: { email: "reviewer2@e2e.test", name: "Rex Reviewer", role: "reviewer" },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

export type E2eAccount = Role | keyof typeof extraE2eUsers;

export function e2eAccount(account: E2eAccount): { email: string; name: string } {
  return account in extraE2eUsers ? extraE2eUsers[account as keyof typeof extraE2eUsers] : e2eUsers[account as Role];
}
