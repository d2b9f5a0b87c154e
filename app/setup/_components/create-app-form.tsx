import { buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { APP_EVENTS, type AppManifest } from "@/lib/setup/app-manifest";

const PERMISSION_NAMES: Record<keyof AppManifest["default_permissions"], string> = {
  organization_personal_access_token_requests: "Personal access token requests",
  organization_personal_access_tokens: "Personal access tokens",
  members: "Members",
};

/**
 * "Create the GitHub App": a plain form (no script needed) to Grantdesk, which starts the setup
 * session and sends the same post on to GitHub's app-creation page with the manifest.
 */
export function CreateAppForm({ manifest, githubHost, replacing }: { manifest: AppManifest; githubHost: string; replacing: string | null }) {
  return (
    <form method="post" action="/api/setup/start" className="mt-6 space-y-4">
      <input type="hidden" name="manifest" value={JSON.stringify(manifest)} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-900">Create it for</legend>
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="radio" name="owner_kind" value="organization" defaultChecked />
          An organization on {githubHost}
        </label>
        <Input name="org" aria-label="Organization name" placeholder="your-org" autoComplete="off" spellCheck={false} maxLength={39} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="radio" name="owner_kind" value="user" />
          My personal account (it can still be installed on organizations)
        </label>
      </fieldset>
      <div className="rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-600">
        <p>
          GitHub shows the app before creating it. It asks for organization permissions only:{" "}
          {Object.entries(manifest.default_permissions)
            .map(([name, access]) => `${PERMISSION_NAMES[name as keyof typeof PERMISSION_NAMES]} (${access})`)
            .join(", ")}
          ; and the <code>{APP_EVENTS.join(", ")}</code> event. Sign-in comes back to {manifest.callback_urls[0]}.
        </p>
      </div>
      {replacing ? (
        <p className="text-sm text-amber-800">Grantdesk uses {replacing} now; the new app replaces it once GitHub has created it.</p>
      ) : null}
      <button type="submit" className={buttonClassName({ variant: "primary" })}>
        Create the GitHub App
      </button>
    </form>
  );
}
