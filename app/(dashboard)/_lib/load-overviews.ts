import "server-only";
import type { OrgOverview } from "@/lib/contract/inventory";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { readOrgOverview } from "@/lib/inventory/read-inventory";

/** Each org's numbers; an org whose numbers cannot be read shows that, not a broken page. */
export function loadOverviews(orgs: OrgSummary[]): Promise<(OrgOverview | null)[]> {
  return Promise.all(orgs.map((org) => readOrgOverview(org.login).catch(() => null)));
}
