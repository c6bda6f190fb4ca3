import type { ReactNode } from "react";

/**
 * Links that came from X (sources, request links) open only when they are http(s): anything else
 * (javascript:, data:) is shown as plain text.
 */
export function SafeLink({ href, children, className = "" }: { href: string; children?: ReactNode; className?: string }) {
  if (!/^https?:\/\//i.test(href)) return <span className={`break-all ${className}`}>{children ?? href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={`break-all text-blue-700 underline decoration-blue-700/30 hover:decoration-blue-700 dark:text-blue-300 ${className}`}>
      {children ?? href}
    </a>
  );
}
