import { z } from "zod";

/**
 * A written reason: what the emergency stop shows everyone, what an override leaves in the audit
 * trail. A word or two explains nothing to the next person, so a sentence is asked for.
 */
export const writtenReasonSchema = z
  .string({ message: "Write the reason." })
  .trim()
  .min(10, { message: "Write the reason in a sentence (10 characters or more): the next person needs to understand it." })
  .max(500, { message: "Keep the reason under 500 characters." });
