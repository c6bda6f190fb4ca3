import { z } from "zod";

import { EnvError } from "../../lib/config/env";
import { DomainError } from "../../lib/errors";

/**
 * Runs a script's main function. Known failures (bad configuration, a taken port, a database that
 * is not there) print one line saying what to do; only the unexpected print a stack trace.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof EnvError || error instanceof DomainError || error instanceof ScriptError) {
      console.error(`\n✖ ${error.message}\n`);
    } else if (error instanceof z.ZodError) {
      console.error(`\n✖ ${error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}

/** A failure the script can explain in one line, with what to do about it. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScriptError";
  }
}
