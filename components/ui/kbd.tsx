import type { ReactNode } from "react";

/** A key as the keyboard shows it; on buttons it teaches the shortcut without a trip to the cheatsheet. */
export function Kbd({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={`inline-flex min-w-5 items-center justify-center rounded border border-current/25 px-1 font-mono text-[11px] leading-4 font-normal opacity-80 ${className}`}
    >
      {children}
    </kbd>
  );
}
