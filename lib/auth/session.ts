import "server-only";

import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";

import { findUserById, type UserDto } from "@/lib/users/store";

import { AuthError } from "./errors";
import { authOptions } from "./options";
import { roleAtLeast, type Role } from "./roles";

export type SessionUser = Pick<UserDto, "id" | "email" | "name" | "role">;

/**
 * The signed-in user as the database knows them now. The role is read fresh on every call,
 * so a demoted or disabled user loses access at once rather than when their token expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Every server action and route handler calls this (through defineAction/defineRoute). */
export async function requireRole(minimum: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError("unauthenticated");
  if (!roleAtLeast(user.role, minimum)) throw new AuthError("forbidden", minimum);
  return user;
}

/** For pages and layouts: sends a stranger to sign in and shows 403 to a user without the role. */
export async function requirePageRole(minimum: Role, returnTo = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleAtLeast(user.role, minimum)) forbidden();
  return user;
}
