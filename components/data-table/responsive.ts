import type { Breakpoint, DataTableColumnMeta } from "./data-table-types";

// Literal class names, so Tailwind's scanner sees every one it must generate.
const HIDE_BELOW: Record<Breakpoint, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
  "2xl": "hidden 2xl:table-cell",
};

/** Classes and style a header or body cell takes from its column's meta. */
export function cellLayout(meta: DataTableColumnMeta | undefined): { className: string | undefined; style: { left: string } | undefined } {
  const classes = [meta?.className, meta?.hideBelow ? HIDE_BELOW[meta.hideBelow] : undefined, meta?.stickyLeft ? "sticky z-[1] bg-inherit" : undefined];
  return {
    className: classes.filter(Boolean).join(" ") || undefined,
    style: meta?.stickyLeft ? { left: meta.stickyLeft } : undefined,
  };
}
