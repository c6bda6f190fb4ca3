import type { Role } from "@/lib/auth/roles";

/**
 * THE authorization matrix: every server action and route handler, by the name it registers with
 * defineAction / defineRoute (lib/auth), and the least role that may call it. Each role includes the
 * ones before it: viewer < reviewer < approver < admin. Anonymous callers are refused everything
 * except `public` entries.
 *
 * tests/reliability/authorization.int.test.ts imports every actions and route module, fails for any
 * registered name without a row here (and for any row whose entry point is gone), and calls each one
 * directly — no page in front — as anonymous, viewer, reviewer, approver and admin.
 *
 * Adding an action? Add its row, with the role you mean, in the same change.
 */
export type MinimumRole = Role | "public";

export const authzMatrix = {
  // Review queue (app/(app)/queue/actions.ts): viewers look, reviewers work drafts, approvers send.
  "queue.list": "viewer",
  "queue.detail": "viewer",
  "queue.claim": "reviewer",
  "queue.renew": "reviewer",
  "queue.release": "reviewer",
  "queue.claimNext": "reviewer",
  "queue.saveRevision": "reviewer",
  "queue.suggest": "reviewer",
  "queue.reject": "reviewer",
  "queue.skip": "reviewer",
  "queue.undo": "reviewer",
  "queue.reopen": "reviewer",
  "queue.preview": "reviewer",
  "queue.approveAndSubmit": "approver",
  "queue.reconcile": "approver",
  "queue.askForRevision": "reviewer",
  "queue.regenerate": "reviewer", // sends the draft back to the AI for a fresh draft
  "queue.releaseOnLeave": "reviewer", // route: POST /queue/release (beacon on pagehide)
  "triage.overturn": "reviewer",
  "queue.rateDraft": "reviewer", // "would I post this as is?" on an AI draft

  // Submit checklist (lib/gates/actions.ts): asking X's evaluator is work; overriding a gate is an admin's call.
  "gates.evaluate": "reviewer",
  "gates.override": "admin",

  // Notes page.
  "notes.refresh": "reviewer",
  "notes.export": "viewer", // route: GET /api/notes/export

  // Runs page.
  "runs.list": "viewer", // route: GET /api/runs
  "runs.pull": "reviewer",
  "runs.draft": "reviewer",
  "runs.schedule": "admin",

  // Settings: admin only.
  "users.create": "admin",
  "controls.stop.set": "admin",
  "controls.stop.lift": "admin",
  "controls.writer.mode": "admin",
  "controls.writer.threshold": "admin",
  "controls.writer.budget": "admin",
  "controls.price": "admin",
  "variants.create": "admin",
  "variants.change": "admin",
  "variants.status": "admin",
  "variants.promote": "admin", // makes another variant draft what reviewers see

  // Blind comparison of drafting variants: judging drafts is reviewers' work.
  "compare.choose": "reviewer",

  // next-auth's own endpoints (sign-in, CSRF token, session, sign-out) must answer strangers.
  "auth.nextauth": "public",
} as const satisfies Record<string, MinimumRole>;

/**
 * Route modules that do not go through defineRoute, by file, with the row that covers them. Only
 * next-auth's handler may be here: anything else must use defineRoute.
 */
export const unregisteredRoutes: Record<string, keyof typeof authzMatrix> = {
  "app/api/auth/[...nextauth]/route.ts": "auth.nextauth",
};
