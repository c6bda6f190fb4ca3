import { AsyncLocalStorage } from "node:async_hooks";

import type { Role } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db";

/**
 * Separate signed-in sessions for tests that call server actions and route handlers directly. The
 * test mocks next-auth's `getServerSession` with `currentSession`, so everything after it is real:
 * lib/auth/session.ts reads the user (and role) fresh from the database, as in production.
 *
 *   vi.mock("next-auth", async (importOriginal) => ({
 *     ...(await importOriginal<typeof import("next-auth")>()),
 *     getServerSession: async () => (await import("@/tests/reliability/support/sessions")).currentSession(),
 *   }));
 *
 * `asUser(user, fn)` runs fn (and everything it awaits) as that user; twenty of them can run at once,
 * each in its own session, like twenty browsers.
 */
export type TestSession = { user: { id: string; role: Role; name: string; email: string } };
export type TestUser = TestSession["user"];

const storage = new AsyncLocalStorage<TestSession | null>();

export function currentSession(): TestSession | null {
  return storage.getStore() ?? null;
}

export function asUser<T>(user: TestUser | null, fn: () => Promise<T>): Promise<T> {
  return storage.run(user ? { user } : null, fn);
}

let sequence = 0;

export async function createTestUser(db: DbClient, role: Role, name = `${role} ${++sequence}`): Promise<TestUser> {
  const email = `${role}-${++sequence}-${Date.now().toString(36)}@reliability.test`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: "-" }, select: { id: true, name: true, email: true, role: true } });
  return user;
}
