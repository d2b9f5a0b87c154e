import { loadRequestsSearchParams } from "@/lib/search-params/requests";
import { PatListPage, patListMetadata, type PatListPageProps } from "../_lib/pat-list-page";
import { RequestsView } from "./_components/requests-view";

export const generateMetadata = patListMetadata("Pending requests");

// GET /orgs/{org}/requests — the review queue, its first page fetched here.
export default async function RequestsPage({ params, searchParams }: PatListPageProps) {
  const [{ org }, listParams] = await Promise.all([params, loadRequestsSearchParams(searchParams)]);
  return (
    <PatListPage org={org} resource="requests" params={listParams}>
      <RequestsView org={org} />
    </PatListPage>
  );
}
