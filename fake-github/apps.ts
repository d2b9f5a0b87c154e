// The GitHub Apps fake-github knows: the seeded default app (Grantdesk's, from the start-up
// options) and any app registered at run time through the manifest flow. Each has its own key,
// OAuth client, callback URLs, webhook and permissions; JWTs, OAuth and deliveries pick the app by
// id, client id or slug.

import { randomBytes, type KeyObject } from "node:crypto";

export interface HookConfig {
  url: string | null;
  secret: string | null;
  active: boolean;
}

export interface GitHubApp {
  id: number;
  slug: string;
  name: string;
  description: string;
  externalUrl: string;
  owner: { kind: "Organization" | "User"; id: number };
  clientId: string;
  clientSecret: string;
  publicKey: KeyObject;
  /** What the app asks of an installation (`default_permissions`). */
  permissions: Record<string, string>;
  /** The webhook events it subscribes to (`default_events`). */
  events: string[];
  callbackUrls: string[];
  redirectUrl: string | null;
  setupUrl: string | null;
  setupOnUpdate: boolean;
  requestOauthOnInstall: boolean;
  public: boolean;
  hook: HookConfig;
  /** `X-GitHub-Hook-ID` of its deliveries. */
  hookId: number;
  createdAt: number;
  updatedAt: number;
}

/** Apps registered at run time get ids from here up (the default app's id is configurable). */
export const FIRST_NEW_APP_ID = 900_001;

export class AppRegistry {
  private readonly byId = new Map<number, GitHubApp>();
  private nextId = FIRST_NEW_APP_ID;

  constructor(readonly defaultApp: GitHubApp) {
    this.byId.set(defaultApp.id, defaultApp);
  }

  get(id: number): GitHubApp | undefined {
    return this.byId.get(id);
  }

  all(): GitHubApp[] {
    return [...this.byId.values()];
  }

  byClientId(clientId: string | undefined): GitHubApp | undefined {
    return clientId === undefined ? undefined : this.all().find((app) => app.clientId === clientId);
  }

  bySlug(slug: string): GitHubApp | undefined {
    return this.all().find((app) => app.slug === slug.toLowerCase());
  }

  /** A JWT's `iss`: the app id (number or string) or the client id, as GitHub accepts both. */
  byIssuer(iss: unknown): GitHubApp | undefined {
    if ((typeof iss === "number" || typeof iss === "string") && /^\d+$/.test(String(iss))) return this.byId.get(Number(iss));
    return typeof iss === "string" ? this.byClientId(iss) : undefined;
  }

  newId(): number {
    while (this.byId.has(this.nextId)) this.nextId++;
    return this.nextId++;
  }

  add(app: GitHubApp): void {
    if (this.byId.has(app.id)) throw new Error(`app ${app.id} exists`);
    this.byId.set(app.id, app);
  }
}

/** The hook id GitHub would show for an app's webhook. */
export function hookIdOf(appId: number): number {
  return 400_000_000 + appId;
}

/** The bot user an app acts as when it uses an installation token (`grantdesk[bot]`). */
export function botOf(app: Pick<GitHubApp, "id" | "slug">): { id: number; login: string } {
  return { id: 90_000_000 + app.id, login: `${app.slug}[bot]` };
}

/** A client id in the shape GitHub gives new apps: `Iv23li` + 14 alphanumerics. */
export function newClientId(): string {
  return `Iv23li${randomBytes(10).toString("base64url").replace(/[-_]/g, "x").slice(0, 14)}`;
}

export function newSecret(): string {
  return randomBytes(20).toString("hex");
}

/** GitHub derives an app's slug from its name: lower case, runs of other characters become `-`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
