import { redirect } from "next/navigation";
import { AppLink } from "@/components/ui/app-link";
import { listOwnedOrgs } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { appUrl } from "@/lib/security/app-url";

export default async function HomePage() {
  const user = await getPageUser();
  if (!user) redirect(appUrl("/signin"));
  const orgs = await listOwnedOrgs(user);
  if (orgs.length === 1) redirect(appUrl(`/orgs/${orgs[0]!.login}/requests`));

  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      {orgs.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
          <h1 className="text-lg font-semibold text-zinc-900">No organizations to manage</h1>
          <p className="mt-2 text-sm text-zinc-600">
            Grantdesk lets organization owners govern fine-grained tokens. <strong>{user.login}</strong> is not an owner
            of any organization where Grantdesk is installed. Ask an owner to install the app, or to make you an owner.
          </p>
        </div>
      ) : (
        <div className="rounded-xl border border-zinc-200 bg-white shadow-sm">
          <h1 className="border-b border-zinc-200 px-6 py-4 text-lg font-semibold text-zinc-900">Choose an organization</h1>
          <ul className="divide-y divide-zinc-100">
            {orgs.map((org) => (
              <li key={org.id}>
                <AppLink
                  href={`/orgs/${org.login}/requests`}
                  className="flex items-center gap-3 px-6 py-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- avatars come from GitHub's CDN */}
                  <img src={org.avatarUrl} alt="" width={28} height={28} className="size-7 rounded-md bg-zinc-100" />
                  {org.login}
                </AppLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
