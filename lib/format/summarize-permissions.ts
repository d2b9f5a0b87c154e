import type { PermissionSet } from "@/lib/contract/pat-rows";
import { permissionLabel } from "./permission-label";

export type PermissionGroupScope = keyof PermissionSet;

export interface PermissionEntry {
  scope: PermissionGroupScope;
  name: string;
  label: string;
  /** As GitHub sent it: "read", "write", "admin" (anything else is shown verbatim). */
  level: string;
  /** Write and admin access are what reviewers must notice. */
  elevated: boolean;
}

export interface PermissionGroup {
  scope: PermissionGroupScope;
  title: string;
  entries: PermissionEntry[];
}

export interface PermissionSummary {
  /** Every permission, the most powerful first. */
  entries: PermissionEntry[];
  /** The write/admin entries, the most powerful first. */
  elevated: PermissionEntry[];
  highest: "admin" | "write" | "read" | "none";
  /** Non-empty groups in GitHub's order: organization, repository, other; names alphabetical. */
  groups: PermissionGroup[];
}

const GROUP_TITLES: Record<PermissionGroupScope, string> = {
  organization: "Organization",
  repository: "Repository",
  other: "Other",
};
const GROUP_ORDER: PermissionGroupScope[] = ["organization", "repository", "other"];
const LEVEL_RANK: Record<string, number> = { admin: 0, write: 1, read: 2 };

function rank(level: string): number {
  return LEVEL_RANK[level] ?? 3;
}

export function summarizePermissions(permissions: PermissionSet): PermissionSummary {
  const groups: PermissionGroup[] = [];
  for (const scope of GROUP_ORDER) {
    const entries = Object.entries(permissions[scope])
      .map(([name, level]) => ({
        scope,
        name,
        label: permissionLabel(name),
        level,
        elevated: level === "write" || level === "admin",
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (entries.length > 0) groups.push({ scope, title: GROUP_TITLES[scope], entries });
  }

  const entries = groups
    .flatMap((group) => group.entries)
    .sort((a, b) => rank(a.level) - rank(b.level) || GROUP_ORDER.indexOf(a.scope) - GROUP_ORDER.indexOf(b.scope));
  const elevated = entries.filter((entry) => entry.elevated);
  const highest = elevated[0]?.level === "admin" ? "admin" : elevated.length > 0 ? "write" : entries.length > 0 ? "read" : "none";
  return { entries, elevated, highest, groups };
}
