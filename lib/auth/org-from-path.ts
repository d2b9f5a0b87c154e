import { isOrgName } from "@/lib/contract/github-names";

/** The org a dashboard path is about (`/orgs/{org}/…`), or null. */
export function orgFromPath(pathname: string | null): string | null {
  const match = /^\/orgs\/([^/]+)/.exec(pathname ?? "");
  const org = match?.[1] ? decodeURIComponent(match[1]) : null;
  return org && isOrgName(org) ? org : null;
}
