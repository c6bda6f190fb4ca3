"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { roleAtLeast, type Role } from "@/lib/auth/roles";

/** A link is shown only to roles its page lets in: a link that leads to "not allowed" is noise. */
const links: { href: string; label: string; minRole?: Role }[] = [
  { href: "/queue", label: "Queue" },
  { href: "/notes", label: "Notes" },
  { href: "/insights", label: "Insights" },
  { href: "/runs", label: "Runs" },
  { href: "/compare", label: "Compare", minRole: "reviewer" },
  { href: "/settings", label: "Settings" },
];

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {links.filter((link) => !link.minRole || roleAtLeast(role, link.minRole)).map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
