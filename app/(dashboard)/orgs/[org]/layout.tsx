import { forbidden, notFound, redirect } from "next/navigation";
import { LiveUpdates } from "@/components/layout/live-updates";
import { OrgNav } from "@/components/layout/org-nav";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { isOrgName } from "@/lib/contract/github-names";
import { appUrl } from "@/lib/security/app-url";

const TABS = [
  { label: "Requests", segment: "requests" },
  { label: "Tokens", segment: "tokens" },
  { label: "Jobs", segment: "jobs" },
  { label: "Audit", segment: "audit" },
  { label: "Settings", segment: "settings" },
];

/** Every page of an org passes through here: only its active owners get past. */
export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  if (!isOrgName(org)) notFound();
  const user = await getPageUser();
  if (!user) redirect(appUrl(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${org}`)}`));
  // Not installed and not an owner look alike (see lib/auth/authorize-request.ts).
  if ((await checkOrgAccess(org, user)) !== "owner") forbidden();

  return (
    <div>
      <div className="border-b border-zinc-200 bg-white">
        <div className="mx-auto max-w-screen-2xl px-4 pt-4 sm:px-6">
          <div className="flex items-center gap-2">
            <h1 className="text-lg font-semibold text-zinc-900">{org}</h1>
            <LiveUpdates org={org} />
          </div>
          <div className="mt-2">
            <OrgNav org={org} tabs={TABS} />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6">{children}</div>
    </div>
  );
}
