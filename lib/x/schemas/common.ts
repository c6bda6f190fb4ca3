import { z } from "zod";

import { problemSchema } from "../problem";

/** X ids are decimal strings of up to 19 digits (64-bit snowflakes). */
export const xIdSchema = z.string().regex(/^[0-9]{1,19}$/, { message: "expected a decimal id of 1–19 digits" });

/** Problems X may send beside partial data (e.g. a referenced post that was deleted). */
export const partialErrorsSchema = z.array(problemSchema).optional();

export const searchMetaSchema = z.looseObject({
  result_count: z.number().int().nonnegative(),
  next_token: z.string().optional(),
});
