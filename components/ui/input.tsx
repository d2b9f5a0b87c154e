import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

// Everything but the height, which differs between a one-line field and a text area.
const fieldClassName = cn(
  "w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs",
  "placeholder:text-zinc-500 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-indigo-600",
  "aria-invalid:border-red-600 disabled:cursor-not-allowed disabled:bg-zinc-50",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(fieldClassName, "h-8", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClassName, "min-h-20 py-2 leading-5", className)} {...props} />;
}
