import { loadTokensSearchParams } from "@/lib/search-params/tokens";
import { PatListPage, patListMetadata, type PatListPageProps } from "../_lib/pat-list-page";
import { TokensView } from "./_components/tokens-view";

export const generateMetadata = patListMetadata("Active tokens");

// GET /orgs/{org}/tokens — the tokens with access to the org, their first page fetched here.
export default async function TokensPage({ params, searchParams }: PatListPageProps) {
  const [{ org }, listParams] = await Promise.all([params, loadTokensSearchParams(searchParams)]);
  return (
    <PatListPage org={org} resource="tokens" params={listParams}>
      <TokensView org={org} />
    </PatListPage>
  );
}
