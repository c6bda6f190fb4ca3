"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/queue", label: "Queue" },
  { href: "/notes", label: "Notes" },
  { href: "/runs", label: "Runs" },
  { href: "/settings", label: "Settings" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {links.map((link) => {
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
