import "server-only";
import type { components } from "@octokit/openapi-types";
import type { OrgSummary, PatRequestRow, PatTokenRow, PermissionSet, RepositoryRow } from "@/lib/contract/pat-rows";

// GitHub's rows mapped to the contract's: ids as JavaScript numbers (GitHub's schema says int64;
// every id here fits), times as UTC ISO 8601 (GitHub sends the PAT lists' times with the
// offset of its servers, e.g. `2026-11-23T02:04:05-08:00`).
export type GitHubPatRequest = components["schemas"]["organization-programmatic-access-grant-request"];
export type GitHubPatGrant = components["schemas"]["organization-programmatic-access-grant"];
export type GitHubRepository = components["schemas"]["minimal-repository"];
export type GitHubInstallation = components["schemas"]["installation"];
export type GitHubOrgMembership = components["schemas"]["org-membership"];

export function toPatRequestRow(row: GitHubPatRequest): PatRequestRow {
  return {
    ...toPatRowBase(row),
    reason: row.reason,
    createdAt: toUtc(row.created_at),
  };
}

export function toPatTokenRow(row: GitHubPatGrant): PatTokenRow {
  return {
    ...toPatRowBase(row),
    accessGrantedAt: toUtc(row.access_granted_at),
  };
}

export function toRepositoryRow(row: GitHubRepository): RepositoryRow {
  return {
    id: Number(row.id),
    name: row.name,
    fullName: row.full_name,
    private: row.private,
    htmlUrl: row.html_url,
  };
}

export function toOrgSummary(account: { login: string; id: number | bigint; avatar_url: string }): OrgSummary {
  return { login: account.login, id: Number(account.id), avatarUrl: account.avatar_url };
}

function toPatRowBase(row: GitHubPatRequest | GitHubPatGrant) {
  return {
    id: row.id,
    tokenId: row.token_id,
    tokenName: row.token_name,
    owner: { login: row.owner.login, id: Number(row.owner.id), avatarUrl: row.owner.avatar_url },
    repositorySelection: row.repository_selection,
    permissions: toPermissionSet(row.permissions),
    tokenExpired: row.token_expired,
    tokenExpiresAt: row.token_expires_at === null ? null : toUtc(row.token_expires_at),
    tokenLastUsedAt: row.token_last_used_at === null ? null : toUtc(row.token_last_used_at),
    gone: null,
  };
}

function toPermissionSet(permissions: GitHubPatRequest["permissions"]): PermissionSet {
  return {
    organization: permissions.organization ?? {},
    repository: permissions.repository ?? {},
    other: permissions.other ?? {},
  };
}

function toUtc(time: string): string {
  return new Date(time).toISOString();
}
