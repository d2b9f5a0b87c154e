import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { NowProvider } from "@/components/ui/now";
import { getQueryClient } from "@/lib/browser-api/query-client";
import { loadRequestsSearchParams } from "@/lib/search-params/requests";
import { prefetchPatList } from "../_lib/prefetch-pat-list";
import { RequestsView } from "./_components/requests-view";

interface RequestsPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: RequestsPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Pending requests · ${org} · Grantdesk` };
}

// GET /orgs/{org}/requests — the review queue. The URL is parsed with the same parser map the
// table uses in the browser; the first page is fetched here and handed to the table's cache.
export default async function RequestsPage({ params, searchParams }: RequestsPageProps) {
  const [{ org }, listParams] = await Promise.all([params, loadRequestsSearchParams(searchParams)]);
  const queryClient = getQueryClient();
  await prefetchPatList(queryClient, org, "requests", listParams);
  // A server component renders once per request, so this is simply the request's time; the
  // browser starts its clock from it and its first render matches this HTML.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowProvider initial={renderedAt}>
        <RequestsView org={org} />
      </NowProvider>
    </HydrationBoundary>
  );
}
