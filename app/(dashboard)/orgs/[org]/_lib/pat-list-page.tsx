import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import type { ReactNode } from "react";
import { NowProvider } from "@/components/ui/now";
import { getQueryClient } from "@/lib/browser-api/query-client";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { PatListParams } from "@/lib/search-params/pat-list";
import { prefetchPatList } from "./prefetch-pat-list";

// What the requests and tokens pages share on the server: their props, their title, and the
// first page fetched here (parsed from the URL with the same parser map the table uses in the
// browser) and handed to the table's cache, under the request's time.

export interface PatListPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}

/** A list page's `generateMetadata`: its title, with the org. */
export function patListMetadata(title: string) {
  return async ({ params }: PatListPageProps): Promise<Metadata> => ({ title: `${title} · ${(await params).org} · Grantdesk` });
}

export async function PatListPage({ org, resource, params, children }: { org: string; resource: PatResource; params: PatListParams; children: ReactNode }) {
  const queryClient = getQueryClient();
  await prefetchPatList(queryClient, org, resource, params);
  // A server component renders once per request, so this is simply the request's time; the
  // browser starts its clock from it and its first render matches this HTML (ages, hygiene
  // signals and the "unused" view's cutoff are computed from it).
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowProvider initial={renderedAt}>{children}</NowProvider>
    </HydrationBoundary>
  );
}
