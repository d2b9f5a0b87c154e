// Helpers for fake-github's own tests: app JWTs, installation tokens, signed-in users, and fetch
// wrappers that speak to a started server.

import { createPrivateKey } from "node:crypto";
import { SignJWT } from "jose";
import type { FakeGitHub } from "./server";

export interface JwtClaims {
  iat?: number;
  exp?: number;
  iss?: string | number;
}

/** An app JWT like @octokit/auth-app makes (iat 30 s back, exp 10 minutes after iat), with overrides. */
export async function appJwt(fake: Pick<FakeGitHub, "appId" | "appPrivateKeyPem">, claims: JwtClaims = {}, pem = fake.appPrivateKeyPem): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = claims.iat ?? now - 30;
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 600)
    .setIssuer(String(claims.iss ?? fake.appId))
    .sign(createPrivateKey(pem));
}

export async function installationToken(fake: FakeGitHub, installationId: number, body?: unknown): Promise<string> {
  const response = await fetch(`${fake.url}/app/installations/${installationId}/access_tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${await appJwt(fake)}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`installation token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Runs the OAuth web flow as `login` and returns the user token. */
export async function signIn(fake: FakeGitHub, login: string): Promise<string> {
  const form = new URLSearchParams({ client_id: fake.clientId, state: "s", login });
  const authorize = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(authorize.headers.get("location")!).searchParams.get("code");
  const exchange = await fetch(`${fake.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ client_id: fake.clientId, client_secret: fake.clientSecret, code }),
  });
  return ((await exchange.json()) as { access_token: string }).access_token;
}

/** A GET/POST to the API with `Authorization: token …` and the pinned API version. */
export function api(fake: FakeGitHub, token: string | null, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", ...init.headers };
  if (token) headers.authorization = `token ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${fake.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

export async function control<T = unknown>(fake: FakeGitHub, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${fake.url}/_fake/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The URL of each rel in a Link header. */
export function parseLink(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  for (const part of header?.split(",") ?? []) {
    const match = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part.trim());
    if (match) links[match[2]!] = match[1]!;
  }
  return links;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReceivedHook {
  headers: Record<string, string>;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that records each POST and answers `status` (changeable). */
export async function startReceiver(): Promise<{ url: string; received: ReceivedHook[]; status: number; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const receiver = {
    url: "",
    received: [] as ReceivedHook[],
    status: 200,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      receiver.received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(receiver.status, { "content-type": "text/plain" }).end(receiver.status < 300 ? "thanks" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  receiver.url = `http://127.0.0.1:${address.port}/hooks`;
  return receiver;
}

/** Polls `read` until `done` holds for its value (at most `timeoutMs`), then returns the value. */
export async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(20);
  }
}
