import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getPageUser } from "@/lib/auth/session-user";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/security/app-url";

export const metadata: Metadata = { title: "Sign in · Grantdesk" };

const ERROR_MESSAGES: Record<string, string> = {
  OAuthCallback: "GitHub did not complete the sign-in. Please try again.",
  OAuthSignin: "Could not start the sign-in with GitHub. Please try again.",
  Callback: "GitHub did not complete the sign-in. Please try again.",
  AccessDenied: "Sign-in was cancelled or refused.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // A path, or an absolute URL on APP_URL (next-auth sends those); anything else is the home page.
  const requested = [params.callbackUrl].flat()[0] ?? "/";
  const callbackUrl = safeCallbackUrl(requested, env().appUrl).slice(env().appUrl.length);
  // `reauth`: GitHub refused the owner's own token (ACT_AS=owner); a signed-in owner signs in again for a new one.
  const reauth = params.reauth === "1";
  if ((await getPageUser()) && !reauth) redirect(appUrl(callbackUrl));
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const error = errorCode
    ? (ERROR_MESSAGES[errorCode] ?? "Sign-in failed. Please try again.")
    : reauth
      ? "GitHub no longer accepts Grantdesk's access on your behalf, so nothing was sent. Sign in again so Grantdesk can act as you."
      : undefined;
  const configured = appCredentials() !== null;

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-tight text-indigo-600">Grantdesk</p>
        <h1 className="mt-2 text-xl font-semibold text-zinc-900">Sign in to review token access</h1>
        <p className="mt-2 text-sm text-zinc-600">
          Organization owners review fine-grained personal access token requests and revoke tokens here. Sign in with the
          GitHub account that owns your organization.
        </p>
        {error && (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="mt-6">
          {configured ? (
            <SignInButton callbackUrl={callbackUrl} />
          ) : (
            <p className="text-sm text-zinc-700">
              Grantdesk has no GitHub App yet.{" "}
              <a href="/setup" className="font-medium text-indigo-700 hover:underline">
                Set it up
              </a>{" "}
              first.
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
