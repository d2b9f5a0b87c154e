import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { appCredentialsStatus, setupApp, syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { refreshInstallationsSoon } from "@/lib/inventory/sync-scheduler";
import { buildAppManifest, installAppUrl } from "@/lib/setup/app-manifest";
import { maySetUp, setupAccess } from "@/lib/setup/setup-access";
import { SETUP_NOTICES, type SetupNotice } from "@/lib/setup/setup-response";
import { openSetupSession, setupSessionCookieName } from "@/lib/setup/setup-session";
import { CreateAppForm } from "./_components/create-app-form";
import { SetupNoticeBanner } from "./_components/setup-notice";

export const metadata: Metadata = { title: "Set up · Grantdesk" };

const SIGN_IN_LINK = buttonClassName({ variant: "primary" });

// /setup — one-click creation of Grantdesk's GitHub App (GitHub's manifest flow). Open while no
// app exists; afterwards only with the operator token (lib/setup/setup-access.ts). Also where
// GitHub sends the person after installing the app.
export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  await syncAppCredentials({ force: true });
  const config = env();
  const params = await searchParams;
  const notice = SETUP_NOTICES.find((known) => known === params.notice) as SetupNotice | undefined;
  const session = openSetupSession((await cookies()).get(setupSessionCookieName(config.appUrl))?.value, config.authSecret);
  const access = setupAccess(appCredentialsStatus(), session);
  const created = session ? setupApp() : null;
  const installed = params.setup_action === "install" && typeof params.installation_id === "string";
  // The new installation's org is synced within seconds, before anyone has signed in.
  if (installed && (appCredentialsStatus() === "setup" || appCredentialsStatus() === "environment")) refreshInstallationsSoon();

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="w-full max-w-lg rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-tight text-indigo-600">Grantdesk</p>
        <h1 className="mt-2 text-xl font-semibold text-zinc-900">Set up Grantdesk</h1>
        {notice ? <SetupNoticeBanner notice={notice} /> : null}
        {installed ? (
          <Step title="The app is installed">
            Sign in with GitHub as an owner of the organization you installed it on.
            <a href="/signin" className={`${SIGN_IN_LINK} mt-4 flex w-fit`}>
              Sign in
            </a>
          </Step>
        ) : created ? (
          <Step title={`Next: install ${created.name}`}>
            GitHub created the app for {created.ownerLogin}. Install it on each organization whose tokens Grantdesk should govern, then sign in.
            <span className="mt-4 flex gap-2">
              <a href={installAppUrl(config.githubUrl, created.slug)} className={buttonClassName({ variant: "primary" })}>
                Install the app on GitHub
              </a>
              <a href="/signin" className={buttonClassName({ variant: "secondary" })}>
                Sign in
              </a>
            </span>
          </Step>
        ) : null}
        <AccessSection access={access} manifestAppUrl={config.appUrl} githubUrl={config.githubUrl} installedOrCreated={installed || created !== null} />
      </div>
    </main>
  );
}

function AccessSection({ access, manifestAppUrl, githubUrl, installedOrCreated }: { access: ReturnType<typeof setupAccess>; manifestAppUrl: string; githubUrl: string; installedOrCreated: boolean }) {
  if (access === "environment") {
    return (
      <Step title="Nothing to set up">
        Grantdesk&apos;s GitHub App is configured by the GITHUB_APP_* environment variables, which always take precedence.
        <a href="/signin" className={`${SIGN_IN_LINK} mt-4 flex w-fit`}>
          Sign in
        </a>
      </Step>
    );
  }
  if (access === "unavailable") {
    return (
      <Step title="The database does not answer">
        Grantdesk keeps the app&apos;s credentials in its database and cannot reach it, so it cannot tell whether an app is set up. Check DATABASE_URL (or DATA_DIR)
        and reload this page.
      </Step>
    );
  }
  if (maySetUp(access)) {
    const replacing = access === "operator" ? setupApp() : null;
    return (
      <Step title={installedOrCreated ? "Or create another GitHub App" : "Create the GitHub App"}>
        Grantdesk acts through a GitHub App of your own. GitHub creates it from Grantdesk&apos;s description in one step and hands its credentials back here: no keys
        to copy.
        <CreateAppForm
          manifest={buildAppManifest(manifestAppUrl)}
          githubHost={new URL(githubUrl).host}
          replacing={replacing ? `${replacing.name} (app ${replacing.appId})` : null}
        />
      </Step>
    );
  }
  // The steps above already say what to do next.
  if (installedOrCreated) return null;
  return (
    <Step title="Grantdesk is set up">
      Its GitHub App is configured. Sign in to use it. To replace the app, give the operator token printed in the server&apos;s log at start-up.
      <a href="/signin" className={`${SIGN_IN_LINK} mt-4 flex w-fit`}>
        Sign in
      </a>
      <form method="post" action="/api/setup/operator" className="mt-6 flex gap-2">
        <Input name="token" type="password" aria-label="Operator token" placeholder="Operator token" autoComplete="off" />
        <button type="submit" className={buttonClassName({ variant: "secondary" })}>
          Continue
        </button>
      </form>
    </Step>
  );
}

function Step({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
      <div className="mt-1 text-sm text-zinc-600">{children}</div>
    </section>
  );
}
