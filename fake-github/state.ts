// Everything a running fake-github holds: the seeded world, issued credentials, OAuth codes, the
// request log, faults, rate-limit counters and the 202 work still to apply. `reset()` rebuilds it
// all from the seed.

import { randomBytes, type KeyObject } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import type { AppIdentity, InstallationToken, Principal, TokenStores } from "./auth";
import { FaultSet } from "./faults";
import { buildWorld } from "./generate-world";
import { RateLimits } from "./rate-limits";
import { RequestLog } from "./request-log";
import type { World } from "./world";

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
}

export interface RuntimeConfig {
  /** Delay before a bulk (202) review or revoke takes effect. */
  applyDelayMs: number;
  /** Latency added to every API request. */
  latencyMs: number;
}

export interface OAuthCode {
  userId: number;
  clientId: string;
  /** The redirect_uri the authorize request named, or null when it used the default. */
  redirectUri: string | null;
  expiresAt: number;
  codeChallenge: { value: string; method: "S256" | "plain" } | null;
}

/** Hono's environment for fake-github's routes. */
export type FakeEnv = { Bindings: HttpBindings; Variables: { principal: Principal; requestId: string } };

export class FakeState implements TokenStores {
  world!: World;
  config!: RuntimeConfig;
  readonly log = new RequestLog();
  readonly faults: FaultSet;
  readonly installationTokens = new Map<string, InstallationToken>();
  readonly userTokens = new Map<string, { userId: number }>();
  readonly oauthCodes = new Map<string, OAuthCode>();
  readonly rateLimits = new RateLimits();
  readonly app: AppIdentity;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(readonly settings: Settings) {
    this.faults = new FaultSet(settings.seed);
    this.app = { appId: settings.appId, clientId: settings.clientId, publicKey: settings.publicKey };
    this.reset();
  }

  reset(): void {
    this.dispose();
    this.world = buildWorld({ seed: this.settings.seed, requests: this.settings.requests, tokens: this.settings.tokens, now: Date.now() });
    this.config = { applyDelayMs: this.settings.applyDelayMs, latencyMs: 0 };
    this.log.clear();
    this.faults.replace([]);
    this.installationTokens.clear();
    this.userTokens.clear();
    this.oauthCodes.clear();
    this.rateLimits.clear();
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
  }

  /** A request id in GitHub's `XXXX:XXXX:XXXXXX:XXXXXX:XXXXXXXX` shape. */
  newRequestId(): string {
    const hex = randomBytes(14).toString("hex").toUpperCase();
    return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(20, 28)}`;
  }
}
