import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { BaselineLibraries } from "./baseline-libraries";

// The page-weight benchmark's baseline (bench/page-weight.ts): built like a table page (a
// dynamic server page handing a query cache to a client view) from the same framework and
// libraries, with none of Grantdesk's components. A table page's First Load JS minus this page's
// is Grantdesk's own JS on it. The `.bench.tsx` extension makes it a page only in a build with
// BENCH_BASELINE=1 (next.config.mjs), as `npm run bench` builds: other builds have no such route.
export default async function BenchBaselinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await searchParams;
  return (
    <HydrationBoundary state={dehydrate(new QueryClient())}>
      <BaselineLibraries />
    </HydrationBoundary>
  );
}
