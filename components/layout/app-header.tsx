import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ActiveJobsIndicator } from "@/components/jobs/active-jobs-indicator";
import type { SessionUser } from "@/lib/auth/session-user";

export function AppHeader({ user, csrfToken }: { user: SessionUser; csrfToken: string | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-4">
          <Link href="/" prefetch={false} className="text-sm font-semibold tracking-tight text-zinc-900 hover:text-indigo-600">
            Grantdesk
          </Link>
          <Link href="/orgs" prefetch={false} className="text-sm text-zinc-600 hover:text-zinc-900">
            Overview
          </Link>
        </div>
        <div className="flex items-center gap-3">
          <ActiveJobsIndicator />
          <span className="flex items-center gap-2 text-sm text-zinc-700" aria-label={`Signed in as ${user.login}`}>
            {user.image && (
              // eslint-disable-next-line @next/next/no-img-element -- avatars come from GitHub's or the tenant's CDN; next/image would proxy them
              <img src={user.image} alt="" width={24} height={24} className="size-6 rounded-full bg-zinc-100" />
            )}
            <span className="hidden font-medium sm:inline">{user.login}</span>
          </span>
          <SignOutButton csrfToken={csrfToken} />
        </div>
      </div>
    </header>
  );
}
