import type { Role } from "./roles";

export class AuthError extends Error {
  constructor(
    readonly code: "unauthenticated" | "forbidden",
    readonly required?: Role,
  ) {
    super(code === "unauthenticated" ? "Sign in to continue" : `This needs the ${required} role or higher`);
    this.name = "AuthError";
  }
}
