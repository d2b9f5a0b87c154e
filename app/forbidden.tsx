import { headers } from "next/headers";
import { StatusCard } from "@/components/layout/status-card";
import { orgFromPath } from "@/lib/auth/org-from-path";
import { trustedPathname } from "@/lib/auth/request-path";
import { env } from "@/lib/env";

export default async function Forbidden() {
  const org = orgFromPath(trustedPathname(await headers(), env().authSecret));
  return (
    <StatusCard eyebrow="403 · Not allowed" tone="danger" title={org ? `You are not an owner of ${org}` : "You are not an owner of this organization"}>
      Only the owners of an organization Grantdesk is installed on can review its token requests and revoke its tokens. If you should
      have access, ask an existing owner to make you one, or to install Grantdesk on the organization.
    </StatusCard>
  );
}
