// Who is calling, decided like GitHub decides it: an RS256 app JWT (iss = app id or client id,
// iat/exp checked with GitHub's own messages so @octokit/auth-app's clock-skew retry recognises
// them), an installation token (`ghs_…`, one hour), or a user token from the OAuth flow (`ghu_…`).

import { randomBytes, type KeyObject } from "node:crypto";
import { compactVerify, decodeProtectedHeader } from "jose";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "app" }
  | { kind: "installation"; installationId: number; permissions: Record<string, string> }
  | { kind: "user"; userId: number }
  /** A credential GitHub would refuse; `jwt` says whether it looked like a JWT. */
  | { kind: "invalid"; jwt: boolean; message: string };

export interface InstallationToken {
  installationId: number;
  permissions: Record<string, string>;
  expiresAt: number;
}

export interface TokenStores {
  installationTokens: Map<string, InstallationToken>;
  userTokens: Map<string, { userId: number }>;
}

export interface AppIdentity {
  appId: number;
  clientId: string;
  publicKey: KeyObject;
}

/** GitHub accepts JWTs issued up to this far in the future (clock drift). */
export const CLOCK_SKEW_SECONDS = 60;
/** GitHub refuses JWTs that expire more than 10 minutes ahead. */
export const MAX_JWT_LIFETIME_SECONDS = 600;

export const JWT_MESSAGES = {
  undecodable: "A JSON web token could not be decoded",
  expired: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooFar: "'Expiration time' claim ('exp') is too far in the future",
  issuedAt: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  unknownIssuer: "Integration not found",
} as const;

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A GitHub-style token: prefix + 36 alphanumerics. */
export function newToken(prefix: "ghs_" | "ghu_"): string {
  const bytes = randomBytes(36);
  let body = "";
  for (const byte of bytes) body += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return prefix + body;
}

async function verifyJwt(jwt: string, app: AppIdentity): Promise<Principal> {
  const invalid = (message: string): Principal => ({ kind: "invalid", jwt: true, message });
  try {
    if (decodeProtectedHeader(jwt).alg !== "RS256") return invalid(JWT_MESSAGES.undecodable);
  } catch {
    return invalid(JWT_MESSAGES.undecodable);
  }
  let claims: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(jwt, app.publicKey, { algorithms: ["RS256"] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    return invalid(JWT_MESSAGES.undecodable);
  }
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp, iss } = claims;
  if (typeof iat !== "number" || !Number.isInteger(iat) || iat > now + CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.issuedAt);
  if (typeof exp !== "number" || exp <= now - CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.expired);
  if (exp > now + MAX_JWT_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.tooFar);
  if (String(iss) !== String(app.appId) && iss !== app.clientId) return invalid(JWT_MESSAGES.unknownIssuer);
  return { kind: "app" };
}

/** Identifies the caller from the Authorization header; never throws. */
export async function identify(authorization: string | undefined, app: AppIdentity, stores: TokenStores): Promise<Principal> {
  if (!authorization) return { kind: "anonymous" };
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { kind: "invalid", jwt: false, message: "Bad credentials" };
  const credential = match[1]!;
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(credential)) return verifyJwt(credential, app);
  const installation = stores.installationTokens.get(credential);
  if (installation) {
    if (installation.expiresAt > Date.now()) {
      return { kind: "installation", installationId: installation.installationId, permissions: installation.permissions };
    }
    return { kind: "invalid", jwt: false, message: "Bad credentials" };
  }
  const user = stores.userTokens.get(credential);
  if (user) return { kind: "user", userId: user.userId };
  return { kind: "invalid", jwt: false, message: "Bad credentials" };
}

export type Refusal = { status: number; message: string };

/** `/app/…` endpoints take only a valid app JWT. */
export function requireApp(principal: Principal): Refusal | null {
  switch (principal.kind) {
    case "app":
      return null;
    case "anonymous":
      return { status: 401, message: "Requires authentication" };
    case "invalid":
      return { status: 401, message: principal.jwt ? principal.message : JWT_MESSAGES.undecodable };
    default:
      // GitHub tries to decode any other credential as a JWT here.
      return { status: 401, message: JWT_MESSAGES.undecodable };
  }
}

/** The refusal for callers that are not an installation or user at all; null when they are. */
export function refuseNonActor(principal: Principal): Refusal | null {
  switch (principal.kind) {
    case "anonymous":
      return { status: 401, message: "Requires authentication" };
    case "invalid":
      return { status: 401, message: principal.jwt ? principal.message : "Bad credentials" };
    case "app":
      // An app JWT only works on /app endpoints; org endpoints need an installation token.
      return { status: 403, message: "Resource not accessible by integration" };
    default:
      return null;
  }
}

const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };

export function grants(permissions: Record<string, string>, name: string, level: "read" | "write"): boolean {
  return (LEVELS[permissions[name] ?? ""] ?? 0) >= LEVELS[level]!;
}
