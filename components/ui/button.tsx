import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const variants = {
  primary: "bg-indigo-600 text-white shadow-xs hover:bg-indigo-500 disabled:bg-indigo-600/60",
  secondary: "border border-zinc-300 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:text-zinc-400",
  ghost: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 disabled:text-zinc-400",
  danger: "bg-red-600 text-white shadow-xs hover:bg-red-500 disabled:bg-red-600/60",
  "danger-ghost": "text-red-700 hover:bg-red-50 disabled:text-zinc-400",
} as const;

const sizes = {
  sm: "h-7 gap-1 px-2 text-xs",
  md: "h-8 gap-1.5 px-3 text-sm",
  icon: "size-7 justify-center",
} as const;

export type ButtonVariant = keyof typeof variants;

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  className?: string;
}

/** A button's classes, for an element that only looks like one (a link: `<a className={buttonClassName(…)}>`). */
export function buttonClassName({ variant = "secondary", size = "md", className }: ButtonLook): string {
  return cn(
    "inline-flex shrink-0 items-center rounded-md font-medium whitespace-nowrap transition-colors select-none",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
    "disabled:cursor-not-allowed [&_svg]:size-4 [&_svg]:shrink-0",
    variants[variant],
    sizes[size],
    className,
  );
}

export function Button({ variant, size, className, type = "button", ...props }: ComponentProps<"button"> & ButtonLook) {
  return <button type={type} className={buttonClassName({ variant, size, className })} {...props} />;
}
