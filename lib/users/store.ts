import "server-only";

import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { getDb, ConflictError, mapDbError } from "@/lib/db";

import { emailSchema, newUserSchema, type NewUser } from "./schemas";

export type UserDto = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: Date };

const userSelect = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;

export async function findUserById(id: string): Promise<UserDto | null> {
  return getDb().user.findUnique({ where: { id }, select: userSelect });
}

/** Only for sign-in: the one place the hash leaves the database. */
export async function findCredentials(email: string) {
  return getDb().user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

export async function listUsers(): Promise<UserDto[]> {
  return getDb().user.findMany({ select: userSelect, orderBy: { createdAt: "asc" } });
}

export async function createUser(input: NewUser): Promise<UserDto> {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  try {
    return await getDb().user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash },
      select: userSelect,
    });
  } catch (error) {
    const mapped = mapDbError(error);
    if (mapped instanceof ConflictError) throw new ConflictError(`A user with email ${user.email} already exists`);
    throw mapped;
  }
}

export async function countUsers(): Promise<number> {
  return getDb().user.count();
}

/** For the command line only (`npm run user:create -- --reset`): there is no reset by email. */
export async function resetPassword(email: string, password: string): Promise<UserDto> {
  const passwordHash = await hashPassword(newUserSchema.shape.password.parse(password));
  try {
    return await getDb().user.update({ where: { email: emailSchema.parse(email) }, data: { passwordHash }, select: userSelect });
  } catch (error) {
    throw mapDbError(error);
  }
}
