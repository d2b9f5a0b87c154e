import "server-only";
import type { z } from "zod";
import { readCappedBytes } from "@/lib/api/read-capped-body";
import { ApiError } from "@/lib/contract/api-error";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { appCredentials, syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { nudgeNotifier } from "@/lib/notifications/notifier";
import { applyInstallationEvent } from "./apply-installation-event";
import { applyPatRequestEvent } from "./apply-pat-request-event";
import { claimDelivery, finishDelivery, pruneDeliveries, type Applied, type DeliveryFacts } from "./delivery-store";
import { verifySignature } from "./verify-signature";
import { installationEventSchema, otherEventSchema, patRequestEventSchema, WEBHOOK_HEADERS } from "./webhook-payloads";

// `POST /api/github/webhooks`: the GitHub App's deliveries. The signature is the only credential
// (there is no session): nothing is read, stored or done before it checks out, and the payload is
// trusted for what GitHub says happened, never for who may act — Grantdesk acts only on orgs its
// own record says the app is installed on, with its own installation token.
//
// In order: no app or no secret configured → 503 (nothing can be verified); body over the limit → 413;
// signature missing or wrong → 401; headers or payload malformed → 400; then the delivery is
// claimed by its id (a redelivery of one handled → 200, nothing done), applied, and answered with
// what became of it. Payloads are never logged or stored.

/**
 * The largest delivery read. GitHub allows 25 MB; a token request, even one naming 5,000
 * repositories, is well under 1 MB. An `installation` event on an org with thousands of
 * repositories may exceed it: it is refused (413) and the installations refresh (every 10
 * minutes) catches up.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookAnswer {
  delivery: string;
  event: string;
  outcome: "processed" | "ignored" | "deferred" | "duplicate";
  detail?: string;
}

interface Received {
  facts: DeliveryFacts;
  apply: (database: Database, client: GitHubClient, appId: string) => Promise<Applied>;
}

export async function receiveWebhook(req: Request, clientFor: () => GitHubClient = github): Promise<Response> {
  const app = await currentApp();
  if (!app.webhookSecret) {
    throw new ApiError(
      "webhooks_not_configured",
      "Grantdesk has no webhook secret (GITHUB_WEBHOOK_SECRET, or the one /setup stored), so it cannot verify deliveries and accepts none. Set it to the GitHub App's webhook secret; until then the periodic sync keeps the inventory.",
    );
  }
  const secret = app.webhookSecret;
  // Exactly the bytes that came: the signature covers them.
  const body = await readCappedBytes(req, MAX_WEBHOOK_BODY_BYTES, `The delivery is larger than ${MAX_WEBHOOK_BODY_BYTES / 1024 / 1024} MiB, Grantdesk's limit for a webhook; nothing was done.`);
  if (!(await verifySignature(secret, body, req.headers.get("x-hub-signature-256")))) {
    noteRefusal();
    throw new ApiError("unauthorized", "The delivery's X-Hub-Signature-256 is missing or does not match Grantdesk's webhook secret; nothing was done.");
  }

  const received = parseDelivery(req.headers, body);
  const database = await openDatabase();
  const claim = await claimDelivery(database, received.facts);
  if (!claim.claimed) return answer(200, { delivery: received.facts.deliveryId, event: received.facts.event, outcome: "duplicate", detail: `Already received (${claim.outcome}); nothing was done again.` });

  let applied: Applied;
  try {
    applied = await received.apply(database, clientFor(), app.appId);
  } catch (error) {
    // Left claimed with no outcome: a redelivery in a few minutes handles it again.
    console.error(`[webhooks] delivery ${received.facts.deliveryId} (${received.facts.event}) failed: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    throw error instanceof GitHubError || error instanceof ApiError ? error : new ApiError("internal_error", "Grantdesk could not apply the delivery. The error was logged; redeliver it in a few minutes.");
  }
  await finishDelivery(database, received.facts.deliveryId, applied);
  await pruneDeliveries(database).catch((error: unknown) => console.warn(`[webhooks] could not prune old deliveries: ${redactSecrets(String(error))}`));
  // A new request may be due a notification: look now rather than at the notifier's next pass.
  if (applied.outcome === "processed") nudgeNotifier();
  if (applied.outcome === "deferred") console.warn(`[webhooks] delivery ${received.facts.deliveryId} (${received.facts.event}) deferred: ${applied.detail}`);
  return answer(applied.outcome === "deferred" ? 202 : 200, {
    delivery: received.facts.deliveryId,
    event: received.facts.event,
    outcome: applied.outcome,
    ...(applied.detail ? { detail: applied.detail } : {}),
  });
}

/** The app's credentials (from the environment, or stored by /setup); without any, nothing can be verified. */
async function currentApp(): Promise<{ appId: string; webhookSecret: string | null }> {
  await syncAppCredentials();
  const app = appCredentials();
  if (!app) throw new ApiError("not_configured", "Grantdesk has no GitHub App yet, so it accepts no deliveries. An operator sets it up at /setup.");
  return { appId: app.appId, webhookSecret: app.webhookSecret };
}

function answer(status: number, body: WebhookAnswer): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

async function openDatabase(): Promise<Database> {
  try {
    return await db();
  } catch (error) {
    console.error(`[webhooks] the database cannot be opened: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError("database_unavailable", "Grantdesk's database cannot be reached; the delivery was not recorded. Redeliver it once the database is back.");
  }
}

/** The verified delivery's headers and payload, checked; what to do with it. Throws 400 when malformed. */
function parseDelivery(headers: Headers, body: Uint8Array): Received {
  const event = headers.get("x-github-event") ?? "";
  const deliveryId = headers.get("x-github-delivery") ?? "";
  if (!WEBHOOK_HEADERS.event.test(event)) throw new ApiError("bad_request", "X-GitHub-Event: missing or not an event name.");
  if (!WEBHOOK_HEADERS.delivery.test(deliveryId)) throw new ApiError("bad_request", "X-GitHub-Delivery: missing or not a delivery id.");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new ApiError("bad_request", "The payload is not JSON (the app's webhook must send application/json).");
  }

  if (event === "personal_access_token_request") {
    const payload = parse(patRequestEventSchema, json, event);
    const org = payload.organization.login;
    return {
      facts: { deliveryId, event, action: payload.action, org, installationId: null },
      apply: (database, client) => applyPatRequestEvent(database, client, payload),
    };
  }
  if (event === "installation" || event === "installation_repositories") {
    const payload = parse(installationEventSchema, json, event);
    const account = payload.installation.account;
    const org = payload.installation.target_type === "Organization" && account ? account.login : null;
    return {
      facts: { deliveryId, event, action: payload.action, org, installationId: payload.installation.id },
      apply: (database, client, appId) => applyInstallationEvent(database, client, appId, payload),
    };
  }
  const payload = parse(otherEventSchema, json, event);
  return {
    facts: { deliveryId, event, action: payload.action ?? null, org: payload.organization?.login ?? null, installationId: payload.installation?.id ?? null },
    apply: async () => ({ outcome: "ignored", detail: `Grantdesk does not act on ${event} events.` }),
  };
}

function parse<S extends z.ZodType>(schema: S, json: unknown, event: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ApiError("bad_request", `The payload is not a valid ${event} event: ${issue.path.join(".") || "(the payload)"}: ${issue.message}.`);
}

const refusals = globalThis as typeof globalThis & { grantdeskWebhookRefusals?: { count: number; loggedAt: number } };

/** Refused deliveries are logged at most once a minute (with how many), so a flood cannot fill the log. */
function noteRefusal() {
  const state = (refusals.grantdeskWebhookRefusals ??= { count: 0, loggedAt: 0 });
  state.count += 1;
  if (Date.now() - state.loggedAt < 60_000) return;
  console.warn(
    `[webhooks] refused ${state.count} delivery(ies) with a missing or wrong signature in the last minute: check that GITHUB_WEBHOOK_SECRET is the GitHub App's webhook secret`,
  );
  state.loggedAt = Date.now();
  state.count = 0;
}
