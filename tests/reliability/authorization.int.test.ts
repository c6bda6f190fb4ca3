import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { roleAtLeast, roles, type Role } from "@/lib/auth/roles";
import { createTestDatabase } from "@/tests/support/db";

import { authzMatrix, unregisteredRoutes, type MinimumRole } from "./authz-matrix";
import { httpMethods, loadEntryPoints, type EntryPoint } from "./support/entry-points";
import { asUser, createTestUser, type TestUser } from "./support/sessions";

/**
 * Issue #7, authorization matrix: every server action and route handler, called directly (no page in
 * front), as anonymous, viewer, reviewer, approver and admin, against the table in authz-matrix.ts.
 * Sessions are real down to next-auth: getServerSession is the only thing replaced, so the role is
 * read from the database exactly as in production.
 */

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (await import("./support/sessions")).currentSession(),
}));
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

// Which function is which entry point: defineAction / defineRoute, wrapped to remember the name.
const named = vi.hoisted(() => new Map<unknown, string>());
vi.mock("@/lib/auth/action", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/action")>();
  return {
    ...real,
    defineAction: ((spec, run) => {
      const action = real.defineAction(spec, run);
      named.set(action, spec.name);
      return action;
    }) satisfies typeof real.defineAction,
  };
});
vi.mock("@/lib/auth/route", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/route")>();
  return {
    ...real,
    defineRoute: ((spec, run) => {
      const handler = real.defineRoute(spec, run);
      named.set(handler, spec.name);
      return handler;
    }) satisfies typeof real.defineRoute,
  };
});

const { actionRegistry } = await import("@/lib/auth/action");
const { routeRegistry } = await import("@/lib/auth/route");

const { modules, loaded, points } = await loadEntryPoints(named);

type Caller = { label: string; role: Role | null };
const callers: Caller[] = [{ label: "anonymous", role: null }, ...roles.map((role) => ({ label: role, role }))];

const t = await createTestDatabase();
afterAll(() => t.drop());

const users = new Map<Role, TestUser>();
beforeAll(async () => {
  for (const role of roles) users.set(role, await createTestUser(t.db, role));
});

const entryPoints = () => points;

type Verdict = { denied: boolean; code: string };

async function callAs(entry: EntryPoint, user: TestUser | null): Promise<Verdict> {
  return asUser(user, async () => {
    if (entry.kind === "action") {
      const result = (await entry.call({})) as { ok: boolean; code?: string };
      const code = result.ok ? "ok" : (result.code ?? "?");
      return { denied: code === "unauthenticated" || code === "forbidden", code };
    }
    const response = await entry.call(new Request("http://127.0.0.1:3000/authz-matrix", { method: entry.method }));
    await response.body?.cancel();
    return { denied: response.status === 401 || response.status === 403, code: String(response.status) };
  });
}

function expectedAllowed(minimum: MinimumRole, role: Role | null): boolean {
  if (minimum === "public") return true;
  return role !== null && roleAtLeast(role, minimum);
}

describe("authorization matrix", () => {
  it("has exactly one row per registered action and route, and no row without one", () => {
    const present = Object.entries(unregisteredRoutes)
      .filter(([file]) => loaded.has(file))
      .map(([, name]) => name);
    const registered = [...actionRegistry.keys(), ...routeRegistry.keys(), ...present];
    const rows = Object.keys(authzMatrix);
    const missingRows = registered.filter((name) => !(name in authzMatrix));
    const staleRows = rows.filter((name) => !registered.includes(name));
    expect(missingRows, `entry points without a row in tests/reliability/authz-matrix.ts`).toEqual([]);
    expect(staleRows, `rows in tests/reliability/authz-matrix.ts whose entry point is gone`).toEqual([]);
    expect(new Set(registered).size, "two entry points register the same name").toBe(registered.length);
  });

  it("the role each entry point declares is the role in the table", () => {
    const declared = Object.fromEntries([...actionRegistry, ...routeRegistry]);
    const table = Object.fromEntries(Object.entries(authzMatrix).filter(([name]) => name in declared));
    expect(declared).toEqual(table);
  });

  it("every export of a server-action module and every route handler goes through defineAction / defineRoute", () => {
    const unguarded: string[] = [];
    for (const { file, kind } of modules) {
      const exports = loaded.get(file) ?? {};
      const publicRow = unregisteredRoutes[file];
      for (const [exportName, value] of Object.entries(exports)) {
        if (typeof value !== "function") continue;
        if (kind === "route" && !(httpMethods as readonly string[]).includes(exportName)) continue;
        if (kind === "route" && publicRow) continue;
        if (!named.has(value)) unguarded.push(`${file}: ${exportName}`);
      }
    }
    expect(unguarded, "exports reachable from the browser without defineAction/defineRoute").toEqual([]);
    expect(modules.filter((m) => m.kind === "actions").length).toBeGreaterThan(5);
  });

  const rows = Object.entries(authzMatrix) as [string, MinimumRole][];
  it.each(rows.filter(([, minimum]) => minimum !== "public"))("%s (least role: %s) allows and denies as the table says", async (name, minimum) => {
    const points = entryPoints().filter((p) => p.name === name);
    expect(points.length, `no entry point registered as ${name}`).toBeGreaterThan(0);
    for (const point of points) {
      const seen: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const caller of callers) {
        const verdict = await callAs(point, caller.role ? (users.get(caller.role) ?? null) : null);
        seen[caller.label] = verdict.denied ? `deny (${verdict.code})` : "allow";
        wanted[caller.label] = expectedAllowed(minimum, caller.role) ? "allow" : `deny (${denyCode(point, caller.role)})`;
        // Allowed calls with an empty input fail validation or find nothing; none may crash.
        expect(verdict.code, `${name} as ${caller.label}`).not.toMatch(/^(internal|500)$/);
      }
      expect(seen, `${name}${point.kind === "route" ? ` (${point.method} ${point.file})` : ""}`).toEqual(wanted);
    }
  });

  it("a disabled account, or a session whose user is gone, is refused like a stranger", async () => {
    const admin = await createTestUser(t.db, "admin");
    await t.db.user.update({ where: { id: admin.id }, data: { disabled: true } });
    const ghost: TestUser = { id: "no-such-user", role: "admin", name: "Ghost", email: "ghost@reliability.test" };
    for (const user of [admin, ghost]) {
      for (const point of entryPoints()) {
        const verdict = await callAs(point, user);
        expect(verdict, `${point.name} as ${user.name}`).toEqual({ denied: true, code: point.kind === "action" ? "unauthenticated" : "401" });
      }
    }
  });

  it("a demoted user loses access on the next call, not when their session expires", async () => {
    const approver = await createTestUser(t.db, "approver");
    const approve = entryPoints().find((p) => p.name === "queue.approveAndSubmit");
    if (!approve) throw new Error("queue.approveAndSubmit is not registered");
    expect((await callAs(approve, approver)).denied).toBe(false);
    await t.db.user.update({ where: { id: approver.id }, data: { role: "reviewer" } });
    expect(await callAs(approve, approver)).toEqual({ denied: true, code: "forbidden" });
  });
});

function denyCode(point: EntryPoint, role: Role | null): string {
  if (point.kind === "action") return role === null ? "unauthenticated" : "forbidden";
  return role === null ? "401" : "403";
}
