// Who is calling, decided like GitHub decides it: an RS256 app JWT (iss = app id or client id of
// any registered app, iat/exp checked with GitHub's own messages so @octokit/auth-app's clock-skew
// retry recognises them), an installation token (`ghs_…`, one hour, dead once the app is
// uninstalled), or a user access token from the OAuth flow (`ghu_…`, expiring unless configured
// otherwise).

import { randomBytes, type KeyObject } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader } from "jose";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "app"; appId: number }
  | { kind: "installation"; installationId: number; appId: number; permissions: Record<string, string> }
  | { kind: "user"; userId: number; appId: number }
  /** A credential GitHub would refuse; `jwt` says whether it looked like a JWT. */
  | { kind: "invalid"; jwt: boolean; message: string };

export interface InstallationToken {
  installationId: number;
  appId: number;
  permissions: Record<string, string>;
  expiresAt: number;
}

export interface UserToken {
  userId: number;
  appId: number;
  /** Null when the app has expiring user tokens turned off. */
  expiresAt: number | null;
}

export interface TokenStores {
  installationTokens: Map<string, InstallationToken>;
  userTokens: Map<string, UserToken>;
  /** Whether an installation still exists (an uninstall kills its tokens). */
  hasInstallation(id: number): boolean;
}

export interface AppIdentity {
  appId: number;
  publicKey: KeyObject;
}

export type AppLookup = (iss: unknown) => AppIdentity | undefined;

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

/** A GitHub-style token: prefix + 36 alphanumerics (76 for refresh tokens, as GitHub's are). */
export function newToken(prefix: "ghs_" | "ghu_" | "ghr_"): string {
  const bytes = randomBytes(prefix === "ghr_" ? 76 : 36);
  let body = "";
  for (const byte of bytes) body += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return prefix + body;
}

async function verifyJwt(jwt: string, apps: AppLookup): Promise<Principal> {
  const invalid = (message: string): Principal => ({ kind: "invalid", jwt: true, message });
  let app: AppIdentity | undefined;
  try {
    if (decodeProtectedHeader(jwt).alg !== "RS256") return invalid(JWT_MESSAGES.undecodable);
    // The issuer names the app whose key must have signed it.
    app = apps(decodeJwt(jwt).iss);
  } catch {
    return invalid(JWT_MESSAGES.undecodable);
  }
  if (!app) return invalid(JWT_MESSAGES.unknownIssuer);
  let claims: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(jwt, app.publicKey, { algorithms: ["RS256"] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    return invalid(JWT_MESSAGES.undecodable);
  }
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== "number" || !Number.isInteger(iat) || iat > now + CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.issuedAt);
  if (typeof exp !== "number" || exp <= now - CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.expired);
  if (exp > now + MAX_JWT_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return invalid(JWT_MESSAGES.tooFar);
  return { kind: "app", appId: app.appId };
}

const BAD_CREDENTIALS: Principal = { kind: "invalid", jwt: false, message: "Bad credentials" };

/** Identifies the caller from the Authorization header; never throws. */
export async function identify(authorization: string | undefined, apps: AppLookup, stores: TokenStores): Promise<Principal> {
  if (!authorization) return { kind: "anonymous" };
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return BAD_CREDENTIALS;
  const credential = match[1]!;
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(credential)) return verifyJwt(credential, apps);
  const installation = stores.installationTokens.get(credential);
  if (installation) {
    if (installation.expiresAt <= Date.now() || !stores.hasInstallation(installation.installationId)) return BAD_CREDENTIALS;
    return { kind: "installation", installationId: installation.installationId, appId: installation.appId, permissions: installation.permissions };
  }
  const user = stores.userTokens.get(credential);
  if (user && (user.expiresAt === null || user.expiresAt > Date.now())) return { kind: "user", userId: user.userId, appId: user.appId };
  return BAD_CREDENTIALS;
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
