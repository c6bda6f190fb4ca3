/** Roles in increasing power; each role can do everything the ones before it can. */
export const roles = ["viewer", "reviewer", "approver", "admin"] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimum);
}

export const roleDescriptions: Record<Role, string> = {
  viewer: "sees the queue, notes and runs; changes nothing",
  reviewer: "claims, edits, suggests, rejects and skips drafts",
  approver: "everything a reviewer does, and approves notes for submission",
  admin: "everything, plus users, writers and settings",
};
