import { headers } from "next/headers";
import { StatusCard } from "@/components/layout/status-card";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { orgFromPath } from "@/lib/auth/org-from-path";
import { trustedPathname } from "@/lib/auth/request-path";
import { getPageUser } from "@/lib/auth/session-user";
import { env } from "@/lib/env";

/** Says "not installed" only when that is why the page is missing, not for any unknown path. */
async function notInstalledOrg(): Promise<string | null> {
  const org = orgFromPath(trustedPathname(await headers(), env().authSecret));
  const user = org ? await getPageUser() : null;
  if (!org || !user) return null;
  try {
    return (await checkOrgAccess(org, user)) === "not_installed" ? org : null;
  } catch {
    return null;
  }
}

export default async function NotFound() {
  const org = await notInstalledOrg();
  return (
    <StatusCard eyebrow="404 · Not found" title={org ? `Grantdesk is not installed on ${org}` : "This page does not exist"}>
      {org
        ? "The organization does not exist, or the Grantdesk GitHub App has not been installed on it. An owner can install it from the app's page on GitHub."
        : "Check the address, or go back to your organizations."}
    </StatusCard>
  );
}
