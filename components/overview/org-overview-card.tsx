import Link from "next/link";
import type { OrgOverview } from "@/lib/contract/inventory";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { formatRelative } from "@/lib/format/format-date";
import { DistributionChart } from "./distribution-chart";

const numbers = new Intl.NumberFormat("en");

function Figure({ href, label, value, tone = "neutral", note }: { href: string; label: string; value: number; tone?: "neutral" | "warning" | "danger"; note?: string }) {
  const color = value > 0 && tone === "danger" ? "text-red-700" : value > 0 && tone === "warning" ? "text-amber-700" : "text-zinc-900";
  return (
    <Link
      href={href}
      prefetch={false}
      className="flex flex-col gap-0.5 rounded-lg border border-zinc-200 bg-white px-3 py-2 hover:border-indigo-300 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span className={`text-xl font-semibold tabular-nums ${color}`}>{numbers.format(value)}</span>
      <span className="text-xs text-zinc-600">{label}</span>
      {note ? <span className="text-xs text-zinc-500">{note}</span> : null}
    </Link>
  );
}

/** One org at a glance: every number opens the table filtered to exactly those rows. */
export function OrgOverviewCard({ org, overview, now }: { org: OrgSummary; overview: OrgOverview | null; now: Date }) {
  const base = `/orgs/${encodeURIComponent(org.login)}`;
  const tokens = (query: string) => `${base}/tokens${query}`;
  return (
    <section aria-labelledby={`org-${org.id}`} className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
      <header className="flex items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- avatars come from GitHub's CDN */}
        <img src={org.avatarUrl} alt="" width={32} height={32} className="size-8 rounded-md bg-zinc-100" />
        <h2 id={`org-${org.id}`} className="text-base font-semibold text-zinc-900">
          <Link href={`${base}/requests`} prefetch={false} className="hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
            {org.login}
          </Link>
        </h2>
        <p className="ml-auto text-xs text-zinc-500">
          {overview?.syncedAt.tokens ? `Synced ${formatRelative(overview.syncedAt.tokens, now)}` : "Not synced with GitHub yet"}
        </p>
      </header>
      {overview === null ? (
        <p className="text-sm text-amber-800">Grantdesk could not read this organization&apos;s numbers just now. Try again in a moment.</p>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
            <Figure
              href={`${base}/requests?sort=listed&direction=asc`}
              label="Pending requests"
              value={overview.pendingRequests}
              tone="warning"
              note={overview.oldestPendingAt ? `Oldest ${formatRelative(overview.oldestPendingAt, now)}` : undefined}
            />
            <Figure href={tokens("")} label="Active tokens" value={overview.activeTokens} />
            <Figure href={tokens("?signal=expired")} label="Expired" value={overview.expired} tone="danger" />
            <Figure href={tokens("?signal=expiring-7")} label="Expiring within 7 days" value={overview.expiringWithin7Days} tone="warning" />
            <Figure href={tokens("?signal=no-expiry")} label="No expiry" value={overview.noExpiry} tone="warning" />
            <Figure href={tokens("?signal=never-used")} label="Never used" value={overview.neverUsed} tone="warning" />
            <Figure href={tokens("?unused_days=90")} label="Unused 90+ days" value={overview.unusedFor90Days} tone="warning" />
            <Figure href={tokens("?signal=elevated")} label="Write or admin" value={overview.elevated} tone="warning" />
            <Figure href={tokens("?signal=all-repositories")} label="All repositories" value={overview.allRepositories} tone="warning" />
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <DistributionChart title="Active tokens by expiry" buckets={overview.byExpiry} tone="indigo" />
            <DistributionChart title="Active tokens by last use" buckets={overview.byLastUse} tone="amber" />
          </div>
        </>
      )}
    </section>
  );
}
