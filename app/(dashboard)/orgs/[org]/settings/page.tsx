import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { NotificationSettings } from "@/components/settings/notification-settings";
import { WebhookStatusPanel } from "@/components/settings/webhook-status";
import { NowProvider } from "@/components/ui/now";
import { getQueryClient } from "@/lib/browser-api/query-client";
import { webhookKeys } from "@/lib/browser-api/webhook-queries";
import { webhookStatus } from "@/lib/webhooks/webhook-status";

interface SettingsPageProps {
  params: Promise<{ org: string }>;
}

export async function generateMetadata({ params }: SettingsPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Settings · ${org} · Grantdesk` };
}

// GET /orgs/{org}/settings — the org's settings, owners only (the org layout checks): how the org
// is kept current (webhooks), then who is told what (notifications). Each section is its own
// component under components/settings and reads its own data.
export default async function SettingsPage({ params }: SettingsPageProps) {
  const { org } = await params;
  const queryClient = getQueryClient();
  // A failure is left to the browser's own fetch, which shows it with a retry.
  await queryClient.prefetchQuery({ queryKey: webhookKeys.status(org), queryFn: () => webhookStatus(org) });
  // A server component renders once per request: this is the request's time, for relative dates.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowProvider initial={renderedAt}>
        <div className="flex max-w-4xl flex-col gap-8">
          <section aria-labelledby="webhooks-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
            <h2 id="webhooks-heading" className="text-base font-semibold text-zinc-900">
              Webhooks
            </h2>
            <WebhookStatusPanel org={org} />
          </section>
          <NotificationSettings org={org} />
        </div>
      </NowProvider>
    </HydrationBoundary>
  );
}
