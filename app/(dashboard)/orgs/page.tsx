import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OrgsOverview } from "@/components/overview/orgs-overview";
import { listOwnedOrgs } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { appUrl } from "@/lib/security/app-url";
import { loadOverviews } from "../_lib/load-overviews";

export const metadata: Metadata = { title: "Overview · Grantdesk" };

// GET /orgs — every org the signed-in owner can act on, at a glance, from the inventory.
export default async function OverviewPage() {
  const user = await getPageUser();
  if (!user) redirect(appUrl("/signin?callbackUrl=%2Forgs"));
  const orgs = await listOwnedOrgs(user);
  // A server component renders once per request: this is the request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = new Date(Date.now());
  return <OrgsOverview login={user.login} orgs={orgs} overviews={await loadOverviews(orgs)} now={now} />;
}
