// fake-github: a standalone, faithful local stand-in for the part of GitHub's REST API Grantdesk
// talks to. `startFakeGitHub()` is what tests, the demo and the CLI call.

import { createPrivateKey, createPublicKey } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { generateAppPrivateKey } from "./app-key";
import { githubError } from "./github-errors";
import { apiHeaders, identifyCaller, injectFaults, logRequests } from "./middleware";
import { appRoutes } from "./routes/app-routes";
import { avatarRoute } from "./routes/avatar-route";
import { autoRequest } from "./changes";
import { controlRoutes } from "./routes/control-routes";
import { demoRoutes } from "./routes/demo-routes";
import { installRoutes } from "./routes/install-routes";
import { manifestRoutes } from "./routes/manifest-routes";
import { oauthRoutes } from "./routes/oauth-routes";
import { patRoutes } from "./routes/pat-routes";
import { sinkRoutes } from "./routes/sink-routes";
import { userRoutes } from "./routes/user-routes";
import { FakeState, type FakeEnv } from "./state";
import { DEFAULT_APP_ID, DEFAULT_CALLBACK_URLS, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "./world";

export interface FakeGitHubOptions {
  /** 0 = a random free port (default 0). */
  port?: number;
  /** Default 1. */
  seed?: number;
  /** Pending requests in the large org "acme" (default 300). */
  requests?: number;
  /** Active tokens in "acme" (default 1200; scales to 100,000). */
  tokens?: number;
  /** Default 1. */
  appId?: number;
  /** PEM private key of the app (fake-github derives the public key to verify JWTs); generated when absent. */
  appPrivateKeyPem?: string;
  /** OAuth client id, default "Iv1.grantdeskdemo". */
  clientId?: string;
  /** Default "grantdesk-demo-client-secret". */
  clientSecret?: string;
  /** Allowed OAuth redirect bases; default Grantdesk's next-auth callback on localhost:3000 and 127.0.0.1:3000. */
  callbackUrls?: string[];
  /** Delay before a 202 bulk action takes effect, default 500. */
  applyDelayMs?: number;
  /** Where the default app's webhooks go (loopback only); none are sent when unset. */
  webhookUrl?: string;
  /** The default app's webhook secret; deliveries are unsigned without one, as on GitHub. */
  webhookSecret?: string;
  /** Lifetime of user access tokens, default 28,800 (8 h); 0 = expiring user tokens turned off. */
  userTokenTtlSeconds?: number;
  /** Create a request from a random member of an org with the app every N ms; default 0 (off). */
  autoRequestEveryMs?: number;
  /** Port of the SMTP mail sink on 127.0.0.1: 0 (default) = a random free port, null = no mail sink. */
  smtpPort?: number | null;
}

export interface FakeGitHub {
  url: string;
  port: number;
  appId: number;
  appPrivateKeyPem: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string | null;
  /** The SMTP mail sink's port, or null when it was turned off. */
  smtpPort: number | null;
  close(): Promise<void>;
}

export { generateAppPrivateKey };

function nonNegativeInt(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  return value;
}

/** Per-org id ranges (see generate-world.ts) leave room for this many requests and tokens each. */
const MAX_RECORDS = 1_000_000;

/** GitHub's lifetime of an expiring user access token. */
export const DEFAULT_USER_TOKEN_TTL_SECONDS = 28_800;

function webhookUrlOption(url: string | undefined): string | null {
  if (url === undefined) return null;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new RangeError(`webhookUrl: "${url}" is not an http(s) URL`);
  return url;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const appPrivateKeyPem = options.appPrivateKeyPem ?? (await generateAppPrivateKey());
  const appId = nonNegativeInt("appId", options.appId ?? DEFAULT_APP_ID);
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const callbackUrls = options.callbackUrls ?? [...DEFAULT_CALLBACK_URLS];
  if (callbackUrls.length === 0) throw new RangeError("callbackUrls must name at least one URL");
  const badCallback = callbackUrls.find((callback) => !URL.canParse(callback));
  if (badCallback !== undefined) throw new RangeError(`callbackUrls: "${badCallback}" is not a URL`);

  const smtpPortOption = options.smtpPort === null ? null : nonNegativeInt("smtpPort", options.smtpPort ?? 0, 65_535);
  const state = new FakeState({
    seed: nonNegativeInt("seed", options.seed ?? 1),
    requests: nonNegativeInt("requests", options.requests ?? 300, MAX_RECORDS),
    tokens: nonNegativeInt("tokens", options.tokens ?? 1200, MAX_RECORDS),
    appId,
    clientId,
    clientSecret,
    callbackUrls,
    publicKey: createPublicKey(createPrivateKey(appPrivateKeyPem)),
    applyDelayMs: nonNegativeInt("applyDelayMs", options.applyDelayMs ?? 500),
    webhookUrl: webhookUrlOption(options.webhookUrl),
    webhookSecret: options.webhookSecret || null,
    userTokenTtlSeconds: nonNegativeInt("userTokenTtlSeconds", options.userTokenTtlSeconds ?? DEFAULT_USER_TOKEN_TTL_SECONDS),
    autoRequestEveryMs: nonNegativeInt("autoRequestEveryMs", options.autoRequestEveryMs ?? 0),
  });
  state.autoRequest = () => autoRequest(state);

  const app = new Hono<FakeEnv>();
  app.route("/", controlRoutes(state));
  app.route("/", demoRoutes(state));
  app.route("/", sinkRoutes(state));
  app.route("/", avatarRoute(state));
  app.use("*", logRequests(state), identifyCaller(state), apiHeaders(state), injectFaults(state));
  app.route("/", appRoutes(state));
  app.route("/", patRoutes(state));
  app.route("/", userRoutes(state));
  app.route("/", oauthRoutes(state));
  app.route("/", manifestRoutes(state));
  app.route("/", installRoutes(state));
  app.notFound((c) => githubError(c, 404, "Not Found"));
  app.onError((error, c) => {
    console.error("fake-github: unexpected error", error);
    return githubError(c, 500, "Internal Server Error");
  });

  const server = createAdaptorServer({ fetch: app.fetch, hostname: "127.0.0.1" }) as Server;
  // Idle connections stay open a minute, as GitHub's do, not Node's 5 s: a client in the same
  // process (the route tests) whose event loop was busy for seconds (PGlite's migrations) would
  // otherwise reuse a socket at the very moment the server times it out, and a write would fail
  // with ECONNRESET — an "unclear" answer — for no reason GitHub would ever give.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${port}`;

  let smtpPort: number | null = null;
  if (smtpPortOption !== null) {
    try {
      smtpPort = await state.mail.listen(smtpPortOption);
    } catch (error) {
      state.dispose();
      server.close();
      const code = (error as NodeJS.ErrnoException).code;
      throw code === "EADDRINUSE" || code === "EACCES" ? new RangeError(`smtpPort ${smtpPortOption} on 127.0.0.1: ${code === "EADDRINUSE" ? "already in use" : "not permitted"}`) : error;
    }
  }

  return {
    url: state.origin,
    port,
    appId,
    appPrivateKeyPem,
    clientId,
    clientSecret,
    webhookSecret: state.settings.webhookSecret,
    smtpPort,
    close: async () => {
      state.dispose();
      state.webhooks.clear();
      await state.mail.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
