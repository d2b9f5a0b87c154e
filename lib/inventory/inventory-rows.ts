import "server-only";
import type { GoneReason, PatRequestRow, PatResource, PatRows, PatTokenRow, PermissionSet } from "@/lib/contract/pat-rows";
import type { patInventory } from "@/lib/db/inventory-schema";

// Contract rows to inventory rows and back. The inventory keeps every field GitHub returns for a
// row, plus what it derives for filtering (the highest permission level, each permission at its
// level) and its own history.

type InventoryRow = typeof patInventory.$inferSelect;
export type InventoryValues = typeof patInventory.$inferInsert;

const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };

/** The highest level among a token's permissions: 1 read, 2 write, 3 admin, 0 none. */
export function maxPermissionLevel(permissions: PermissionSet): number {
  let highest = 0;
  for (const group of [permissions.organization, permissions.repository, permissions.other]) {
    for (const level of Object.values(group)) highest = Math.max(highest, LEVELS[level] ?? 0);
  }
  return highest;
}

/** Each permission at its level, whichever group GitHub puts it in (`contents_write`): what the permission filter matches. */
export function permissionGrants(permissions: PermissionSet): string[] {
  const grants = new Set<string>();
  for (const group of [permissions.organization, permissions.repository, permissions.other]) {
    for (const [permission, level] of Object.entries(group)) grants.add(`${permission}_${level}`);
  }
  return [...grants].sort();
}

export function toInventoryValues(org: string, kind: PatResource, row: PatRequestRow | PatTokenRow, seenAt: Date): InventoryValues {
  return {
    org: org.toLowerCase(),
    kind,
    id: row.id,
    tokenId: row.tokenId,
    tokenName: row.tokenName,
    ownerLogin: row.owner.login,
    ownerId: row.owner.id,
    ownerAvatarUrl: row.owner.avatarUrl,
    reason: "reason" in row ? row.reason : null,
    permissions: row.permissions,
    repositorySelection: row.repositorySelection,
    maxLevel: maxPermissionLevel(row.permissions),
    grants: permissionGrants(row.permissions),
    listedAt: new Date("createdAt" in row ? row.createdAt : row.accessGrantedAt),
    tokenExpired: row.tokenExpired,
    tokenExpiresAt: row.tokenExpiresAt === null ? null : new Date(row.tokenExpiresAt),
    tokenLastUsedAt: row.tokenLastUsedAt === null ? null : new Date(row.tokenLastUsedAt),
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
}

export function fromInventoryRow<R extends PatResource>(kind: R, row: InventoryRow): PatRows[R] {
  const base = {
    id: row.id,
    tokenId: row.tokenId,
    tokenName: row.tokenName,
    owner: { login: row.ownerLogin, id: row.ownerId, avatarUrl: row.ownerAvatarUrl },
    repositorySelection: row.repositorySelection,
    permissions: row.permissions,
    tokenExpired: row.tokenExpired,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    tokenLastUsedAt: row.tokenLastUsedAt?.toISOString() ?? null,
    gone: row.goneAt ? { at: row.goneAt.toISOString(), reason: (row.goneReason ?? "reviewed_outside") as GoneReason } : null,
  };
  const full: PatRequestRow | PatTokenRow =
    kind === "requests" ? { ...base, reason: row.reason, createdAt: row.listedAt.toISOString() } : { ...base, accessGrantedAt: row.listedAt.toISOString() };
  return full as PatRows[R];
}
