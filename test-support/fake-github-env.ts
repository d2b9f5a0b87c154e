// Route tests: a real fake-github on a random port, with process.env pointing Grantdesk at it.
// Call before the first route runs (configuration is read once per process, on first use).

import { NextRequest } from "next/server";
import { startFakeGitHub, type FakeGitHubOptions } from "@/fake-github/server";
import { grantdeskEnvFor } from "@/fake-github/grantdesk-env";
import { USERS } from "@/fake-github/world";
import type { RouteContext } from "@/lib/api/api-route";
import { db } from "@/lib/db/database";
import { github } from "@/lib/github/shared-client";
import { syncList } from "@/lib/inventory/sync-list";
import { sessionCookieFor } from "./session-cookie";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

/** Who a route call is made as: a signed-in fake-github user, or nobody. */
export type Caller = keyof typeof USERS | "anonymous";

const APP_URL = "http://grantdesk.test";
const AUTH_SECRET = "route-tests-secret-route-tests-secret";

export interface LogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
  /** The kind of credential that made the call (null: anonymous or refused), and the user's login for a user token. */
  auth: "app" | "installation" | "user" | null;
  user: string | null;
}

type RouteHandler = (req: NextRequest, context: RouteContext) => Promise<Response>;

/**
 * Starts fake-github and points Grantdesk's configuration at it; `env` adds or overrides
 * variables (the per-user rate limits are lifted unless a test sets them: route tests call far
 * faster than a person).
 */
export async function startFakeGitHubEnv(options: FakeGitHubOptions = {}, env: Record<string, string> = {}) {
  const fake = await startFakeGitHub({ port: 0, ...options });
  Object.assign(process.env, {
    ...grantdeskEnvFor(fake),
    AUTH_SECRET,
    APP_URL,
    GITHUB_TIMEOUT_MS: "5000",
    // The audit trail of this test file only, gone with it; never the project's ./data.
    DATA_DIR: "memory://",
    RATE_LIMIT_READS_PER_MINUTE: "1000000",
    RATE_LIMIT_WRITES_PER_MINUTE: "1000000",
    ...env,
  });

  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${fake.url}/_fake/${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`fake-github ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  let receiver: WebhookReceiver | undefined;

  return {
    fake,
    close: async () => {
      await receiver?.close();
      await fake.close();
    },
    /**
     * fake-github delivers its signed webhooks (start it with `webhookSecret`) to `handler` — the
     * webhook route — through a loopback receiver standing in for Grantdesk's public URL.
     */
    deliverWebhooksTo: async (handler: (req: NextRequest) => Promise<Response>) => {
      receiver ??= await startWebhookReceiver(handler);
      await control("config", { webhookUrl: receiver.url });
      return receiver;
    },
    /** fake-github's request log after `since` (a seq), GitHub API calls only. */
    log: async (since = 0): Promise<LogEntry[]> => (await control(`log?since=${since}`)).entries,
    /** The seq of the last logged request, to look at only what follows. */
    mark: async (): Promise<number> => ((await control("log")).entries as LogEntry[]).at(-1)?.seq ?? 0,
    counts: (org: string): Promise<{ pendingRequests: number; activeTokens: number; revokedTokens: number; reviewedRequests: number }> =>
      control(`state/orgs/${org}`),
    record: (org: string, kind: "requests" | "tokens", id: number) => control(`state/orgs/${org}/${kind}/${id}`),
    faults: (faults: unknown[]) => control("faults", { faults }),
    /** Syncs the org's requests and tokens into Grantdesk's inventory now (the lists are read from it). */
    sync: async (org: string, kinds: ("requests" | "tokens")[] = ["requests", "tokens"]) => {
      for (const kind of kinds) {
        const outcome = await syncList(org, kind, { database: await db(), client: github(), owner: "route-tests" });
        if (outcome.status !== "done") throw new Error(`sync of ${org} ${kind}: ${JSON.stringify(outcome)}`);
      }
    },
    /** Runs a world change on fake-github's control surface (e.g. `orgs/acme/tokens/7/revoke`). */
    control,
    /** Headers of a same-origin browser request from Grantdesk's own page, signed in as `as`. */
    browserHeaders: async (as: Caller = "mona"): Promise<Record<string, string>> => ({
      origin: APP_URL,
      "sec-fetch-site": "same-origin",
      ...(as === "anonymous" ? {} : { cookie: await sessionCookieFor(USERS[as], AUTH_SECRET) }),
    }),
    /** Calls a route handler the way Next does, from Grantdesk's own page, as `as` (default mona, an owner). */
    call: async (handler: RouteHandler, path: string, params: Record<string, string>, body?: unknown, as: Caller = "mona") => {
      const headers: Record<string, string> = {};
      if (as !== "anonymous") headers.cookie = await sessionCookieFor(USERS[as], AUTH_SECRET);
      const init =
        body === undefined
          ? { headers }
          : { method: "POST", body: JSON.stringify(body), headers: { ...headers, "content-type": "application/json", origin: APP_URL, "sec-fetch-site": "same-origin" } };
      const response = await handler(new NextRequest(`${APP_URL}${path}`, init), { params: Promise.resolve(params) });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
  };
}

export type FakeGitHubEnv = Awaited<ReturnType<typeof startFakeGitHubEnv>>;
