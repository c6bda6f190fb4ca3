import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { z } from "zod";

import { roles } from "../lib/auth/roles";
import { createUser, resetPassword } from "../lib/users/store";
import { loadDotEnv } from "./lib/load-env";
import { runMain, ScriptError } from "./lib/main";
import { withScriptDatabase } from "./lib/script-database";

const usage = "npm run user:create -- --email alice@example.org --name Alice --role reviewer [--password …] [--reset]";

const argsSchema = z.object({
  email: z.string({ message: "--email is required" }),
  name: z.string().optional(),
  role: z.enum(roles, { message: `--role must be one of ${roles.join(", ")}` }).default("viewer"),
  password: z.string().optional(),
  reset: z.boolean().default(false),
});

runMain(async () => {
  loadDotEnv();
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      reset: { type: "boolean" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new ScriptError(`${parsed.error.issues[0]?.message}. Usage: ${usage}`);
  const args = parsed.data;
  const password = args.password ?? randomBytes(12).toString("base64url");

  await withScriptDatabase(async () => {
    const user = args.reset
      ? await resetPassword(args.email, password)
      : await createUser({ email: args.email, name: args.name ?? args.email.split("@")[0] ?? args.email, role: args.role, password });
    console.log(`${args.reset ? "Reset the password of" : "Created"} ${user.email} (${user.role}).`);
    if (!args.password) console.log(`Password: ${password}   (shown only this once)`);
  });
});
