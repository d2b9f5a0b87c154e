import type { Metadata } from "next";
import { NotificationSettings } from "@/components/settings/notification-settings";
import { NowProvider } from "@/components/ui/now";

interface SettingsPageProps {
  params: Promise<{ org: string }>;
}

export async function generateMetadata({ params }: SettingsPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Settings · ${org} · Grantdesk` };
}

// GET /orgs/{org}/settings — the org's settings, owners only (the org layout checks). Each section
// is its own component under components/settings and reads its own data.
export default async function SettingsPage({ params }: SettingsPageProps) {
  const { org } = await params;
  // A server component renders once per request: this is the request's time, for relative dates.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();
  return (
    <NowProvider initial={renderedAt}>
      <div className="flex max-w-4xl flex-col gap-6">
        <NotificationSettings org={org} />
      </div>
    </NowProvider>
  );
}
