// The GitHub App Grantdesk asks GitHub to create at /setup (GitHub's "Registering a GitHub App
// from a manifest"): its URLs derive from APP_URL, every GitHub URL from GITHUB_URL, so the same
// flow creates the app on github.com or a GHE.com tenant.

/** The organization permissions Grantdesk needs, and nothing else (no repository or account access). */
export const APP_PERMISSIONS = {
  organization_personal_access_token_requests: "write",
  organization_personal_access_tokens: "write",
  members: "read",
} as const;

/** Sent when a member asks for a token: the inventory picks new requests up at once. */
export const APP_EVENTS = ["personal_access_token_request"] as const;

/** Where GitHub sends the app's webhook deliveries (signed with the webhook secret from the conversion). */
export const WEBHOOK_PATH = "/api/github/webhooks";
/** Where GitHub sends the browser back with the one-time code. */
export const SETUP_CALLBACK_PATH = "/api/setup/callback";

export interface AppManifest {
  name: string;
  url: string;
  description: string;
  hook_attributes: { url: string; active: boolean };
  redirect_url: string;
  callback_urls: string[];
  setup_url: string;
  public: boolean;
  default_permissions: typeof APP_PERMISSIONS;
  default_events: string[];
  request_oauth_on_install: boolean;
  setup_on_update: boolean;
}

/** GitHub App names are unique across GitHub and at most 34 characters; GitHub's page lets the operator change it. */
export function defaultAppName(appUrl: string): string {
  return `Grantdesk ${new URL(appUrl).hostname}`.slice(0, 34).trim();
}

export function buildAppManifest(appUrl: string): AppManifest {
  return {
    name: defaultAppName(appUrl),
    url: appUrl,
    description: "Grantdesk: review fine-grained personal access token requests in bulk and revoke stale tokens.",
    hook_attributes: { url: `${appUrl}${WEBHOOK_PATH}`, active: true },
    redirect_url: `${appUrl}${SETUP_CALLBACK_PATH}`,
    // Sign-in (next-auth's GitHub provider) comes back here.
    callback_urls: [`${appUrl}/api/auth/callback/github`],
    // After installing, GitHub sends the person back to the setup page.
    setup_url: `${appUrl}/setup`,
    public: false,
    default_permissions: APP_PERMISSIONS,
    default_events: [...APP_EVENTS],
    request_oauth_on_install: false,
    setup_on_update: false,
  };
}

export type AppOwner = { kind: "organization"; org: string } | { kind: "user" };

/** GitHub's page that creates an app from a posted manifest, for an org or the signed-in person. */
export function manifestFormUrl(githubUrl: string, owner: AppOwner, state: string): string {
  const path = owner.kind === "organization" ? `/organizations/${encodeURIComponent(owner.org)}/settings/apps/new` : "/settings/apps/new";
  return `${githubUrl}${path}?${new URLSearchParams({ state })}`;
}

/** GitHub's page that installs the app on an org. */
export function installAppUrl(githubUrl: string, slug: string): string {
  return `${githubUrl}/apps/${encodeURIComponent(slug)}/installations/new`;
}
