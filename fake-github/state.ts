// Everything a running fake-github holds: the seeded world, the registered apps, issued
// credentials, OAuth and manifest codes, the request log, faults, rate-limit counters, webhook
// deliveries, the Slack and mail sinks, and the timers still to fire. `reset()` rebuilds it all
// from the start-up settings.

import { randomBytes, type KeyObject } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { AppRegistry, hookIdOf, type GitHubApp } from "./apps";
import type { InstallationToken, Principal, TokenStores, UserToken } from "./auth";
import { FaultSet } from "./faults";
import { buildWorld } from "./generate-world";
import { Rng } from "./prng";
import { RateLimits } from "./rate-limits";
import type { LogEntry } from "./request-log";
import { RequestLog } from "./request-log";
import { MailSink } from "./sinks/mail-sink";
import { SlackSink } from "./sinks/slack-sink";
import { WebhookDispatcher } from "./webhooks";
import { APP_NAME, APP_SLUG, DEFAULT_APP_EVENTS, INSTALLATION_PERMISSIONS, ORGS, type World } from "./world";

export interface Settings {
  seed: number;
  requests: number;
  tokens: number;
  appId: number;
  clientId: string;
  clientSecret: string;
  callbackUrls: string[];
  publicKey: KeyObject;
  applyDelayMs: number;
  webhookUrl: string | null;
  webhookSecret: string | null;
  userTokenTtlSeconds: number;
  autoRequestEveryMs: number;
}

export interface RuntimeConfig {
  /** Delay before a bulk (202) review or revoke takes effect. */
  applyDelayMs: number;
  /** Latency added to every API request. */
  latencyMs: number;
  /** Lifetime of new user access tokens; 0 = the app has expiring user tokens turned off. */
  userTokenTtlSeconds: number;
  /** Create a request from a random member this often; 0 = off. */
  autoRequestEveryMs: number;
}

export interface OAuthCode {
  userId: number;
  appId: number;
  clientId: string;
  /** The redirect_uri the authorize request named, or null when it used the default. */
  redirectUri: string | null;
  expiresAt: number;
  codeChallenge: { value: string; method: "S256" | "plain" } | null;
}

export interface RefreshToken {
  userId: number;
  appId: number;
  /** The access token issued with it: refreshing ends both. */
  accessToken: string;
  expiresAt: number;
}

/** A registered-but-not-yet-converted manifest app: the private key waits for the conversion. */
export interface ManifestCode {
  appId: number;
  pem: string;
  expiresAt: number;
}

/** Hono's environment for fake-github's routes. */
export type FakeEnv = { Bindings: HttpBindings; Variables: { principal: Principal; requestId: string; logEntry: LogEntry | undefined } };

/** Refresh tokens live six months (GitHub: 15,811,200 seconds). */
export const REFRESH_TOKEN_TTL_SECONDS = 15_811_200;

export class FakeState implements TokenStores {
  world!: World;
  config!: RuntimeConfig;
  apps!: AppRegistry;
  /** `http://127.0.0.1:PORT`, for URLs in webhook payloads; set once listening. */
  origin = "http://127.0.0.1";
  /** Seeded choices of the control API and the auto-requester (a reset replays them). */
  rng!: Rng;
  readonly log = new RequestLog();
  readonly faults: FaultSet;
  readonly installationTokens = new Map<string, InstallationToken>();
  readonly userTokens = new Map<string, UserToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly oauthCodes = new Map<string, OAuthCode>();
  readonly manifestCodes = new Map<string, ManifestCode>();
  readonly rateLimits = new RateLimits();
  readonly webhooks = new WebhookDispatcher();
  readonly slack = new SlackSink();
  readonly mail = new MailSink();
  private readonly pending = new Set<NodeJS.Timeout>();
  private autoRequestTimer: NodeJS.Timeout | null = null;
  /** Set by the server: creates one request from a random member (see `autoRequestEveryMs`). */
  autoRequest: () => void = () => {};

  constructor(readonly settings: Settings) {
    this.faults = new FaultSet(settings.seed);
    this.reset();
  }

  get defaultApp(): GitHubApp {
    return this.apps.defaultApp;
  }

  reset(): void {
    this.dispose();
    this.apps = new AppRegistry(this.buildDefaultApp());
    this.world = buildWorld({
      seed: this.settings.seed,
      requests: this.settings.requests,
      tokens: this.settings.tokens,
      now: Date.now(),
      app: { id: this.settings.appId, permissions: INSTALLATION_PERMISSIONS, events: DEFAULT_APP_EVENTS },
    });
    this.config = {
      applyDelayMs: this.settings.applyDelayMs,
      latencyMs: 0,
      userTokenTtlSeconds: this.settings.userTokenTtlSeconds,
      autoRequestEveryMs: this.settings.autoRequestEveryMs,
    };
    this.rng = new Rng(this.settings.seed, "control");
    this.log.clear();
    this.faults.replace([]);
    this.installationTokens.clear();
    this.userTokens.clear();
    this.refreshTokens.clear();
    this.oauthCodes.clear();
    this.manifestCodes.clear();
    this.rateLimits.clear();
    this.webhooks.clear();
    this.slack.clear();
    this.mail.clear();
    this.scheduleAutoRequests();
  }

  private buildDefaultApp(): GitHubApp {
    const { appId, clientId, clientSecret, callbackUrls, publicKey, webhookUrl, webhookSecret } = this.settings;
    const created = Date.parse("2025-01-06T09:00:00Z");
    return {
      id: appId,
      slug: APP_SLUG,
      name: APP_NAME,
      description: "Govern fine-grained personal access tokens.",
      externalUrl: new URL(callbackUrls[0]!).origin,
      owner: { kind: "Organization", id: ORGS.acme.id },
      clientId,
      clientSecret,
      publicKey,
      permissions: { ...INSTALLATION_PERMISSIONS },
      events: [...DEFAULT_APP_EVENTS],
      callbackUrls,
      redirectUrl: null,
      setupUrl: null,
      setupOnUpdate: false,
      requestOauthOnInstall: false,
      public: false,
      hook: { url: webhookUrl, secret: webhookSecret, active: webhookUrl !== null },
      hookId: hookIdOf(appId),
      createdAt: created,
      updatedAt: created,
    };
  }

  /** (Re)starts the auto-requester from `config.autoRequestEveryMs`. */
  scheduleAutoRequests(): void {
    if (this.autoRequestTimer) clearInterval(this.autoRequestTimer);
    this.autoRequestTimer = null;
    const every = this.config.autoRequestEveryMs;
    if (every > 0) {
      this.autoRequestTimer = setInterval(() => this.autoRequest(), every);
      // A demo helper must never keep the process alive on its own.
      this.autoRequestTimer.unref();
    }
  }

  hasInstallation(id: number): boolean {
    return this.world.installations.has(id);
  }

  /** Runs `work` after the configured apply delay, unless a reset or close comes first. */
  later(work: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      work();
    }, this.config.applyDelayMs);
    this.pending.add(timer);
  }

  dispose(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    if (this.autoRequestTimer) clearInterval(this.autoRequestTimer);
    this.autoRequestTimer = null;
  }

  /** A request id in GitHub's `XXXX:XXXX:XXXXXX:XXXXXX:XXXXXXXX` shape. */
  newRequestId(): string {
    const hex = randomBytes(14).toString("hex").toUpperCase();
    return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(20, 28)}`;
  }
}
