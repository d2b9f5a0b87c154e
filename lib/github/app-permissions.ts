import "server-only";
import type { AppPermission } from "./github-error";

// The GitHub App's organization permissions each endpoint needs, named as GitHub's settings
// page names them, so a 403 can tell an owner exactly what to grant.
export const REQUESTS_READ: AppPermission = { name: "Personal access token requests", access: "read" };
export const REQUESTS_WRITE: AppPermission = { name: "Personal access token requests", access: "write" };
export const TOKENS_READ: AppPermission = { name: "Personal access tokens", access: "read" };
export const TOKENS_WRITE: AppPermission = { name: "Personal access tokens", access: "write" };
export const MEMBERS_READ: AppPermission = { name: "Members", access: "read" };
