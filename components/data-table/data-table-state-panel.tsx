import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** The space where rows would be, saying why there are none (empty, or an error). */
export function DataTableStatePanel({
  icon,
  title,
  children,
  action,
  tone = "neutral",
  role,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: "neutral" | "danger";
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className="flex flex-col items-center gap-2 px-6 py-14 text-center">
      <div
        className={cn(
          "mb-1 grid size-10 place-items-center rounded-full [&_svg]:size-5",
          tone === "danger" ? "bg-red-50 text-red-600" : "bg-zinc-100 text-zinc-500",
        )}
        aria-hidden
      >
        {icon}
      </div>
      <p className="text-sm font-semibold text-zinc-900">{title}</p>
      {children ? <div className="max-w-md text-sm text-zinc-600">{children}</div> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
