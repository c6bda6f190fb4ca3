"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";

/**
 * Runs an admin action the way every control does: busy while it runs, a toast with the outcome,
 * and a refresh so the page (and the banners in the shell) show the new state. Field errors are left
 * to the form; anything else is toasted.
 */
export function useControlAction() {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);

  async function run<T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string): Promise<ActionResult<T>> {
    setPending(true);
    const result = await call();
    setPending(false);
    if (result.ok) {
      toast.show(success(result.data), { tone: "success" });
      router.refresh();
    } else if (!result.fieldErrors) {
      toast.show(result.message, { tone: "error" });
    }
    return result;
  }

  return { pending, run };
}
