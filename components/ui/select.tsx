import type { ComponentProps } from "react";

export type SelectOption = { value: string; label: string };

/** A native select: keyboard, screen readers and mobile pickers all work without help. */
export function Select({ options, className = "", ...props }: ComponentProps<"select"> & { options: readonly SelectOption[] }) {
  return (
    <select className={`input pr-8 ${className}`} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
