import { headers } from "next/headers";
import { StatusCard } from "@/components/layout/status-card";
import { orgFromPath } from "@/lib/auth/org-from-path";

export default async function Forbidden() {
  const org = orgFromPath((await headers()).get("x-grantdesk-pathname"));
  return (
    <StatusCard eyebrow="403 · Not allowed" tone="danger" title={org ? `You are not an owner of ${org}` : "You are not an owner of this organization"}>
      Only the organization&apos;s owners can review its token requests and revoke its tokens. If you should have access, ask an existing
      owner to make you one.
    </StatusCard>
  );
}
