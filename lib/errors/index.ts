/**
 * An error whose message is written for the person using Notedesk. Anything else that escapes
 * a server action is logged and replaced by a generic message, so internals never reach a browser.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "conflict" | "not_found" | "invalid_state" | "unavailable" | "limit_reached" | "blocked",
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
