import { headers } from "next/headers";
import Link from "next/link";
import { orgFromPath } from "@/lib/auth/org-from-path";

export default async function Forbidden() {
  const org = orgFromPath((await headers()).get("x-grantdesk-pathname"));
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-red-700">403 · Not allowed</p>
        <h1 className="mt-2 text-lg font-semibold text-zinc-900">{org ? `You are not an owner of ${org}` : "You are not an owner of this organization"}</h1>
        <p className="mt-2 text-sm text-zinc-600">
          Only the organization&apos;s owners can review its token requests and revoke its tokens. If you should have access, ask an
          existing owner to make you one.
        </p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to your organizations
        </Link>
      </div>
    </main>
  );
}
