import { isOrgName } from "@/lib/contract/github-names";

/** The org a dashboard path is about (`/orgs/{org}/…`), or null (including for a segment that does not decode). */
export function orgFromPath(pathname: string | null): string | null {
  const match = /^\/orgs\/([^/]+)/.exec(pathname ?? "");
  if (!match?.[1]) return null;
  let org: string;
  try {
    org = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return isOrgName(org) ? org : null;
}
