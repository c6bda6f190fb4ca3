import { z } from "zod";

import { roles } from "@/lib/auth/roles";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" }));

// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
export const newPasswordSchema = z
  .string()
  .min(12, { message: "Use at least 12 characters" })
  .refine((p) => new TextEncoder().encode(p).length <= 72, { message: "Use at most 72 bytes" });

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { message: "Enter a name" }).max(100),
  password: newPasswordSchema,
  role: z.enum(roles, { message: `Role must be one of ${roles.join(", ")}` }),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});
