import { randomBytes } from "node:crypto";

import { countUsers, createUser } from "../../lib/users/store";
import { ensureWriter, type WriterDto } from "../../lib/writers/store";

export const DEMO_ADMIN_EMAIL = "admin@notedesk.local";
export const DEMO_WRITER_NAME = "Demo writer";

/** The demo's AI Note Writer account, in test mode like every new writer. */
export function seedDemoWriter(): Promise<WriterDto> {
  return ensureWriter(DEMO_WRITER_NAME);
}

/**
 * On an empty database only: an admin with a fresh random password, returned to be printed once.
 * It is stored nowhere but as a hash.
 */
export async function seedDemoAdmin(): Promise<{ email: string; password: string } | null> {
  if ((await countUsers()) > 0) return null;
  const password = randomBytes(12).toString("base64url");
  await createUser({ email: DEMO_ADMIN_EMAIL, name: "Demo admin", password, role: "admin" });
  return { email: DEMO_ADMIN_EMAIL, password };
}
