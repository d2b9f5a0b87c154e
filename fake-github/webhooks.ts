// Webhook deliveries, made the way GitHub makes them: a POST of the JSON payload to the app's
// webhook URL with GitHub's headers (event, delivery GUID, hook and target ids, HMAC signatures
// of the raw body with the app's secret), a 10-second timeout, no automatic retry. Deliveries
// leave a queue one at a time, in the order they were caused, and never hold up the request that
// caused them. Each is recorded (newest MAX_DELIVERIES kept) and can be redelivered: same GUID and
// payload, signed again with the current secret, recorded as a new attempt with `redelivery: true`.
// fake-github delivers to loopback addresses only (it is a local tool); other URLs are recorded
// as failed deliveries without a connection attempt.

import { createHmac, randomUUID } from "node:crypto";
import { hookIdOf, type GitHubApp } from "./apps";

export const MAX_DELIVERIES = 1_000;
/** Deliveries waiting behind a slow receiver beyond this many are recorded as dropped. */
export const MAX_QUEUED = 1_000;
export const DELIVERY_TIMEOUT_MS = 10_000;
export const HOOKSHOT_USER_AGENT = "GitHub-Hookshot/fa4e6b1";
const RESPONSE_BODY_LIMIT = 2_048;

export interface Delivery {
  /** This attempt's id (a redelivery gets a new one). */
  id: number;
  /** `X-GitHub-Delivery`: kept by redeliveries. */
  guid: string;
  appId: number;
  hookId: number;
  event: string;
  action: string | null;
  installationId: number | null;
  url: string | null;
  redelivery: boolean;
  /** `queued`, then `delivered` (any HTTP answer) or `failed` (no answer). */
  state: "queued" | "delivered" | "failed";
  /** GitHub's wording: "OK", "Invalid HTTP Response: 500", "timed out", … */
  status: string;
  statusCode: number | null;
  durationMs: number | null;
  deliveredAt: string | null;
  requestHeaders: Record<string, string>;
  responseBody: string | null;
  payload: unknown;
}

export interface WebhookEvent {
  event: string;
  action: string | null;
  installationId: number | null;
  payload: Record<string, unknown>;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

export function signatures(secret: string, body: string): { sha256: string; sha1: string } {
  return {
    sha256: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    sha1: `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
  };
}

export class WebhookDispatcher {
  private deliveries: Delivery[] = [];
  private nextId = 1;
  private queue: { delivery: Delivery; app: GitHubApp; body: string }[] = [];
  private running = false;
  private controller = new AbortController();
  private idle: (() => void)[] = [];

  /** Queues `event` for `app` when its webhook is active and has a URL; returns the record. */
  send(app: GitHubApp, event: WebhookEvent): Delivery | null {
    if (!app.hook.active || !app.hook.url) return null;
    return this.enqueue(app, { ...event, guid: randomUUID(), redelivery: false });
  }

  redeliver(id: number, appOf: (appId: number) => GitHubApp | undefined): Delivery | null {
    const original = this.deliveries.find((delivery) => delivery.id === id);
    const app = original && appOf(original.appId);
    if (!original || !app) return null;
    const { event, action, installationId, guid } = original;
    return this.enqueue(app, { event, action, installationId, payload: original.payload as Record<string, unknown>, guid, redelivery: true });
  }

  list(): Delivery[] {
    return this.deliveries.slice().reverse();
  }

  get(id: number): Delivery | undefined {
    return this.deliveries.find((delivery) => delivery.id === id);
  }

  /** Resolves once every queued delivery has been attempted. */
  settled(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Aborts what is in flight and forgets every delivery. */
  clear(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.queue = [];
    this.deliveries = [];
    this.nextId = 1;
  }

  private enqueue(app: GitHubApp, event: WebhookEvent & { guid: string; redelivery: boolean }): Delivery {
    const url = app.hook.url;
    const delivery: Delivery = {
      id: this.nextId++,
      guid: event.guid,
      appId: app.id,
      hookId: hookIdOf(app.id),
      event: event.event,
      action: event.action,
      installationId: event.installationId,
      url,
      redelivery: event.redelivery,
      state: "queued",
      status: "queued",
      statusCode: null,
      durationMs: null,
      deliveredAt: null,
      requestHeaders: {},
      responseBody: null,
      payload: event.payload,
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries = this.deliveries.slice(-MAX_DELIVERIES);
    if (this.queue.length >= MAX_QUEUED) {
      this.finish(delivery, "failed", "dropped: too many deliveries queued", null, 0);
      return delivery;
    }
    this.queue.push({ delivery, app, body: JSON.stringify(event.payload) });
    if (!this.running) void this.drain();
    return delivery;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      await this.attempt(next.delivery, next.app, next.body, this.controller.signal);
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async attempt(delivery: Delivery, app: GitHubApp, body: string, cancelled: AbortSignal): Promise<void> {
    const headers: Record<string, string> = {
      accept: "*/*",
      "content-type": "application/json",
      "user-agent": HOOKSHOT_USER_AGENT,
      "x-github-delivery": delivery.guid,
      "x-github-event": delivery.event,
      "x-github-hook-id": String(delivery.hookId),
      "x-github-hook-installation-target-id": String(app.id),
      "x-github-hook-installation-target-type": "integration",
    };
    // GitHub signs only when the webhook has a secret.
    if (app.hook.secret) {
      const signed = signatures(app.hook.secret, body);
      headers["x-hub-signature"] = signed.sha1;
      headers["x-hub-signature-256"] = signed.sha256;
    }
    delivery.requestHeaders = headers;
    const url = delivery.url!;
    if (!isLoopback(url)) {
      this.finish(delivery, "failed", "fake-github delivers to loopback addresses only", null, 0);
      return;
    }
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.any([cancelled, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      const text = await response.text();
      delivery.responseBody = text.slice(0, RESPONSE_BODY_LIMIT);
      const ok = response.status >= 200 && response.status < 300;
      this.finish(delivery, "delivered", ok ? "OK" : `Invalid HTTP Response: ${response.status}`, response.status, performance.now() - started);
    } catch (error) {
      if (cancelled.aborted) return;
      const timedOut = (error as Error).name === "TimeoutError";
      this.finish(delivery, "failed", timedOut ? "timed out" : `failed to connect: ${(error as Error).message}`, null, performance.now() - started);
    }
  }

  private finish(delivery: Delivery, state: Delivery["state"], status: string, statusCode: number | null, durationMs: number): void {
    delivery.state = state;
    delivery.status = status;
    delivery.statusCode = statusCode;
    delivery.durationMs = Math.round(durationMs);
    delivery.deliveredAt = new Date().toISOString();
  }
}
