import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { currentCsrfToken } from "@/lib/auth/csrf-token";
import { getPageUser } from "@/lib/auth/session-user";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getPageUser();
  if (!user) {
    // proxy.ts normally redirects first; this covers a session that expired in between.
    const pathname = (await headers()).get("x-grantdesk-pathname") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(pathname)}`);
  }
  return (
    <div className="min-h-screen bg-zinc-50">
      <AppHeader user={user} csrfToken={await currentCsrfToken()} />
      {children}
    </div>
  );
}
