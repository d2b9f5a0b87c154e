/**
 * Joins class names, skipping falsy ones. It does not merge conflicting Tailwind utilities (that
 * took 9 kB of script): a component's callers add classes, they never override one it sets.
 */
export { clsx as cn } from "clsx";
