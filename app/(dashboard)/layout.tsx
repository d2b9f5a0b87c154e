import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { currentCsrfToken } from "@/lib/auth/csrf-token";
import { trustedPathname } from "@/lib/auth/request-path";
import { getPageUser } from "@/lib/auth/session-user";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/security/app-url";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getPageUser();
  if (!user) {
    // proxy.ts normally redirects first; this covers a session that ended in between or was
    // signed out (the proxy does not read the deny-list), and prefetches, which skip the proxy.
    const pathname = trustedPathname(await headers(), env().authSecret) ?? "/";
    redirect(appUrl(`/signin?callbackUrl=${encodeURIComponent(pathname)}`));
  }
  return (
    <div className="min-h-screen bg-zinc-50">
      <AppHeader user={user} csrfToken={await currentCsrfToken()} />
      {children}
    </div>
  );
}
