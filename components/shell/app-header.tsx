import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/roles";

import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader({ user, writerMode }: { user: { name: string; role: Role }; writerMode: "test" | "production" | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-2">
        <Link href="/queue" className="font-semibold tracking-tight">
          Notedesk
        </Link>
        <NavLinks role={user.role} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          {writerMode && (
            <Badge tone={writerMode === "production" ? "warn" : "info"}>
              {writerMode === "production" ? "Production feed" : "Test mode"}
            </Badge>
          )}
          <span className="text-zinc-500" data-testid="current-user">
            {user.name} · {user.role}
          </span>
          <ThemeToggle />
          <Link href="/signout" className="rounded-md px-2 py-1 hover:bg-zinc-200 dark:hover:bg-zinc-800">
            Sign out
          </Link>
        </div>
      </div>
    </header>
  );
}
