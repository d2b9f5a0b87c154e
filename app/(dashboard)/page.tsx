import { redirect } from "next/navigation";
import { OrgsOverview } from "@/components/overview/orgs-overview";
import { listOwnedOrgs } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { appUrl } from "@/lib/security/app-url";
import { loadOverviews } from "./_lib/load-overviews";

// GET / — an owner of one org goes straight to its queue; an owner of several sees them all at a glance.
export default async function HomePage() {
  const user = await getPageUser();
  if (!user) redirect(appUrl("/signin"));
  const orgs = await listOwnedOrgs(user);
  if (orgs.length === 1) redirect(appUrl(`/orgs/${orgs[0]!.login}/requests`));
  // A server component renders once per request: this is the request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = new Date(Date.now());
  return <OrgsOverview login={user.login} orgs={orgs} overviews={await loadOverviews(orgs)} now={now} />;
}
