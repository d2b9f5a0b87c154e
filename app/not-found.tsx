import { headers } from "next/headers";
import Link from "next/link";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { orgFromPath } from "@/lib/auth/org-from-path";
import { getPageUser } from "@/lib/auth/session-user";

/** Says "not installed" only when that is why the page is missing, not for any unknown path. */
async function notInstalledOrg(): Promise<string | null> {
  const org = orgFromPath((await headers()).get("x-grantdesk-pathname"));
  const user = org ? await getPageUser() : null;
  if (!org || !user) return null;
  try {
    return (await checkOrgAccess(org, user.login)) === "not_installed" ? org : null;
  } catch {
    return null;
  }
}

export default async function NotFound() {
  const org = await notInstalledOrg();
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-zinc-500">404 · Not found</p>
        <h1 className="mt-2 text-lg font-semibold text-zinc-900">{org ? `Grantdesk is not installed on ${org}` : "This page does not exist"}</h1>
        <p className="mt-2 text-sm text-zinc-600">
          {org
            ? "The organization does not exist, or the Grantdesk GitHub App has not been installed on it. An owner can install it from the app's page on GitHub."
            : "Check the address, or go back to your organizations."}
        </p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to your organizations
        </Link>
      </div>
    </main>
  );
}
