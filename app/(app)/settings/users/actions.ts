"use server";

import { revalidatePath } from "next/cache";

import { defineAction } from "@/lib/auth/action";
import { newUserSchema } from "@/lib/users/schemas";
import { createUser } from "@/lib/users/store";

export const createUserAction = defineAction(
  { name: "users.create", role: "admin", input: newUserSchema },
  async (input) => {
    const user = await createUser(input);
    revalidatePath("/settings/users");
    return { id: user.id, email: user.email };
  },
);
