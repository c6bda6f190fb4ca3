"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { roles, roleDescriptions, type Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/auth/action-result";

type NewUserInput = { email: string; name: string; password: string; role: Role };

export function NewUserForm({ action }: { action: (input: NewUserInput) => Promise<ActionResult<{ email: string }>> }) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    const result = await action({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? "viewer") as Role,
    });
    setPending(false);
    if (result.ok) {
      setErrors({});
      formElement.reset();
      toast.show(`Added ${result.data.email}`, { tone: "success" });
      router.refresh();
    } else {
      // The form keeps what was typed: only the messages change.
      setErrors(result.fieldErrors ?? { _: [result.message] });
      if (!result.fieldErrors) toast.show(result.message, { tone: "error" });
    }
  }

  const fieldError = (name: string) =>
    errors[name]?.map((m) => (
      <span key={m} className="text-xs text-red-600 dark:text-red-400">
        {m}
      </span>
    ));

  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-2" noValidate>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input name="name" className="input" required />
        {fieldError("name")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input name="email" type="email" className="input" required />
        {fieldError("email")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password (12 characters or more)
        <input name="password" type="password" autoComplete="new-password" className="input" required />
        {fieldError("password")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Role
        <select name="role" className="input" defaultValue="reviewer">
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}: {roleDescriptions[r]}
            </option>
          ))}
        </select>
      </label>
      {fieldError("_")}
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
