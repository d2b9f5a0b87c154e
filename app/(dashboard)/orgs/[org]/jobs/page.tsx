import type { Metadata } from "next";
import { NowProvider } from "@/components/ui/now";
import { JobsHistory } from "@/components/jobs/jobs-history";

interface JobsPageProps {
  params: Promise<{ org: string }>;
}

export async function generateMetadata({ params }: JobsPageProps): Promise<Metadata> {
  const { org } = await params;
  return { title: `Jobs · ${org} · Grantdesk` };
}

// GET /orgs/{org}/jobs — the org's bulk jobs (the layout checks the owner); `?job=` opens one.
export default async function JobsPage({ params }: JobsPageProps) {
  const { org } = await params;
  // A server component renders once per request: the browser's clock starts from this time.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();
  return (
    <NowProvider initial={renderedAt}>
      <JobsHistory org={org} />
    </NowProvider>
  );
}
