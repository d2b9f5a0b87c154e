import "server-only";
import { db } from "@/lib/db/database";
import { env, type GitHubAppCredentials } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { secretBox, SecretBoxError } from "@/lib/security/secret-box";
import { readStoredApp, writeStoredApp, type StoredApp } from "./stored-app";

// Where the GitHub App's credentials come from: the GITHUB_APP_* variables when set (they always
// win), else the app /setup stored in the database. The stored one is read at start-up, re-read
// now and then (so an app set up through another instance is picked up without a restart), and
// replaced at once in this process when setup stores a new one. Every user of the credentials —
// the process-wide GitHub client, next-auth's options — compares `version` and rebuilds itself
// when it changed.

export type AppCredentialsStatus =
  /** From the GITHUB_APP_* variables. */
  | "environment"
  /** Made at /setup, read from the database. */
  | "setup"
  /** None anywhere: Grantdesk waits for /setup. */
  | "none"
  /** Stored, but sealed under another AUTH_SECRET: set up again (operator token) or set the variables. */
  | "unreadable"
  /** The database has not answered yet. */
  | "unknown";

export interface AppCredentials extends GitHubAppCredentials {
  source: "environment" | "setup";
  /** Changes whenever the credentials do. */
  version: number;
}

export type SetupApp = Omit<StoredApp, "privateKey" | "clientSecret" | "webhookSecret">;

interface Holder {
  status: AppCredentialsStatus;
  stored: StoredApp | null;
  version: number;
  checkedAt: number;
  reading?: Promise<void>;
}

/** While there are none, how often the database is asked again (an app set up elsewhere shows within this). */
const RECHECK_WHEN_NONE_MS = 5_000;
/** With an app, how often to notice that an operator replaced it through another instance. */
const RECHECK_WHEN_SET_MS = 60_000;

// On globalThis: Next loads route and page modules in separate bundles within one process, and
// they must all see the same credentials.
const store = globalThis as typeof globalThis & { grantdeskAppCredentials?: Holder };
const holder = (store.grantdeskAppCredentials ??= { status: "unknown", stored: null, version: 1, checkedAt: 0 });

/** The credentials Grantdesk acts with now, or null while there are none (see `appCredentialsStatus`). */
export function appCredentials(): AppCredentials | null {
  const fromEnv = env().githubApp;
  if (fromEnv) return { ...fromEnv, source: "environment", version: 0 };
  const stored = holder.stored;
  if (!stored) return null;
  return {
    appId: String(stored.appId),
    privateKey: stored.privateKey,
    clientId: stored.clientId,
    clientSecret: stored.clientSecret,
    webhookSecret: stored.webhookSecret,
    source: "setup",
    version: holder.version,
  };
}

export function appCredentialsStatus(): AppCredentialsStatus {
  return env().githubApp ? "environment" : holder.status;
}

/** The public facts of the app made at /setup (for the setup page), or null. */
export function setupApp(): SetupApp | null {
  const stored = holder.stored;
  if (env().githubApp || !stored) return null;
  return { appId: stored.appId, slug: stored.slug, name: stored.name, ownerLogin: stored.ownerLogin, htmlUrl: stored.htmlUrl, clientId: stored.clientId, createdAt: stored.createdAt };
}

/**
 * Re-reads the stored app when the last look is older than its recheck interval (or always, with
 * `force`). Cheap to await on every request: usually it returns at once. Never throws: a database
 * that does not answer leaves what is known as it was.
 */
export async function syncAppCredentials({ force = false }: { force?: boolean } = {}): Promise<void> {
  if (env().githubApp) return;
  const maxAge = holder.stored ? RECHECK_WHEN_SET_MS : RECHECK_WHEN_NONE_MS;
  if (!force && Date.now() - holder.checkedAt < maxAge) return;
  holder.reading ??= readOnce().finally(() => {
    holder.reading = undefined;
  });
  await holder.reading;
}

async function readOnce(): Promise<void> {
  try {
    const stored = await readStoredApp(await db(), secretBox(env().authSecret));
    apply(stored ? "setup" : "none", stored);
  } catch (error) {
    if (error instanceof SecretBoxError) {
      if (holder.status !== "unreadable") {
        console.error(
          "[setup] the GitHub App stored by /setup cannot be opened with this AUTH_SECRET (it changed since setup): " +
            "run setup again with the operator token, or set the GITHUB_APP_* variables.",
        );
      }
      apply("unreadable", null);
      return;
    }
    // The database is down: keep what is known, try again next time.
    console.warn(`[setup] could not read the stored GitHub App: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  } finally {
    holder.checkedAt = Date.now();
  }
}

function apply(status: AppCredentialsStatus, stored: StoredApp | null) {
  const changed = holder.stored?.appId !== stored?.appId || holder.stored?.createdAt.getTime() !== stored?.createdAt.getTime();
  if (changed) holder.version += 1;
  holder.status = status;
  holder.stored = stored;
}

/** Stores the app GitHub made from the manifest; this process uses it from the next call on. */
export async function storeSetupApp(app: Omit<StoredApp, "createdAt">): Promise<void> {
  const database = await db();
  const box = secretBox(env().authSecret);
  await writeStoredApp(database, box, app);
  const stored = await readStoredApp(database, box);
  apply(stored ? "setup" : "none", stored);
  holder.checkedAt = Date.now();
}
