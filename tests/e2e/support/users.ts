import type { Role } from "../../../lib/auth/roles";

/** One account per role, created by the e2e server on its fresh database. */
export const E2E_PASSWORD = "e2e-password-123";

export const e2eUsers: Record<Role, { email: string; name: string }> = {
  viewer: { email: "viewer@e2e.test", name: "Vera Viewer" },
  reviewer: { email: "reviewer@e2e.test", name: "Rita Reviewer" },
  approver: { email: "approver@e2e.test", name: "Arno Approver" },
  admin: { email: "admin@e2e.test", name: "Ada Admin" },
};
