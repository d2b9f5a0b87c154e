import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { NowProvider } from "@/components/ui/now";
import { getQueryClient } from "@/lib/browser-api/query-client";
import { loadAuditSearchParams } from "@/lib/search-params/audit";
import { AuditView } from "./_components/audit-view";
import { prefetchAudit } from "./_lib/prefetch-audit";

interface AuditPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: AuditPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Audit trail · ${org} · Grantdesk` };
}

// GET /orgs/{org}/audit — the audit trail. The URL is parsed with the same parser map the table
// uses in the browser; the first page is read here and handed to the table's cache.
export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const [{ org }, auditParams] = await Promise.all([params, loadAuditSearchParams(searchParams)]);
  const queryClient = getQueryClient();
  await prefetchAudit(queryClient, org, auditParams);
  // A server component renders once per request, so this is simply the request's time; the
  // browser starts its clock from it and its first render matches this HTML.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowProvider initial={renderedAt}>
        <AuditView org={org} />
      </NowProvider>
    </HydrationBoundary>
  );
}
