import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { NowProvider } from "@/components/ui/now";
import { getQueryClient } from "@/lib/browser-api/query-client";
import { loadTokensSearchParams } from "@/lib/search-params/tokens";
import { prefetchPatList } from "../_lib/prefetch-pat-list";
import { TokensView } from "./_components/tokens-view";

interface TokensPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: TokensPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Active tokens · ${org} · Grantdesk` };
}

// GET /orgs/{org}/tokens — the tokens with access to the org. The URL is parsed with the same
// parser map the table uses in the browser; the first page is fetched here and handed to the
// table's cache.
export default async function TokensPage({ params, searchParams }: TokensPageProps) {
  const [{ org }, listParams] = await Promise.all([params, loadTokensSearchParams(searchParams)]);
  const queryClient = getQueryClient();
  await prefetchPatList(queryClient, org, "tokens", listParams);
  // A server component renders once per request, so this is simply the request's time; the
  // browser starts its clock from it and its first render matches this HTML (the hygiene
  // signals and the "unused" view's cutoff are computed from it).
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowProvider initial={renderedAt}>
        <TokensView org={org} />
      </NowProvider>
    </HydrationBoundary>
  );
}
