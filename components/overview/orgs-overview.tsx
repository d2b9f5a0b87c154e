import type { OrgOverview } from "@/lib/contract/inventory";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { LiveOverview } from "./live-overview";
import { OrgOverviewCard } from "./org-overview-card";

/** Every org the owner can act on, at a glance. */
export function OrgsOverview({ login, orgs, overviews, now }: { login: string; orgs: OrgSummary[]; overviews: (OrgOverview | null)[]; now: Date }) {
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-lg font-semibold text-zinc-900">Overview</h1>
        <p className="text-sm text-zinc-600">Fine-grained tokens across the organizations {login} owns. Every number opens the table filtered to it.</p>
      </div>
      {orgs.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
          <h2 className="text-base font-semibold text-zinc-900">No organizations to manage</h2>
          <p className="mt-2 text-sm text-zinc-600">
            Grantdesk lets organization owners govern fine-grained tokens. <strong>{login}</strong> is not an owner of any organization where Grantdesk
            is installed. Ask an owner to install the app, or to make you an owner.
          </p>
        </div>
      ) : (
        orgs.map((org, index) => <OrgOverviewCard key={org.id} org={org} overview={overviews[index] ?? null} now={now} />)
      )}
      <LiveOverview orgs={orgs.map((org) => org.login)} />
    </main>
  );
}
