import type { ComponentProps } from "react";

export function Textarea({ className = "", ...props }: ComponentProps<"textarea">) {
  return <textarea className={`input w-full resize-y leading-relaxed ${className}`} {...props} />;
}
