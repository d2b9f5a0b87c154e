import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { ApiError, isApiError } from "@/lib/contract/api-error";
import { db } from "@/lib/db/database";
import { ownerTokens } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { GitHubError } from "@/lib/github/github-error";
import { reauthRequired, type UserTokenSource } from "@/lib/github/user-token-auth";
import { secretBox, SecretBoxError } from "@/lib/security/secret-box";

// ACT_AS=owner: each owner's GitHub user access token, kept server-side (sealed in the database,
// never in the session cookie or a response) from sign-in on, so reviews and revokes can be sent
// as that person — now, from the request, or later, from a job worker that has only their GitHub
// user id. User tokens of a GitHub App expire after 8 hours; the refresh token (6 months) gets a
// new pair. A refused refresh means only a new sign-in helps: the stored pair is deleted and the
// caller gets `reauth_required` — never the app's token instead.

/** What GitHub's OAuth token endpoint answered, at sign-in or on a refresh. */
export interface UserTokenGrant {
  accessToken: string;
  /** Null: the token does not expire (the app has expiring user tokens turned off). */
  expiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
}

interface StoredToken extends UserTokenGrant {
  login: string;
  version: number;
}

/** A token this close to its end is refreshed before use: GitHub's clock and ours may differ. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

const accessContext = (githubUserId: number) => `owner-token:${githubUserId}`;
const refreshContext = (githubUserId: number) => `owner-refresh:${githubUserId}`;
const box = () => secretBox(env().authSecret);

/** Keeps the owner's tokens from sign-in (replacing any kept before). */
export async function saveOwnerToken(user: { id: number; login: string }, grant: UserTokenGrant): Promise<void> {
  const row = {
    login: user.login,
    accessToken: box().seal(grant.accessToken, accessContext(user.id)),
    accessTokenExpiresAt: grant.expiresAt,
    refreshToken: grant.refreshToken ? box().seal(grant.refreshToken, refreshContext(user.id)) : null,
    refreshTokenExpiresAt: grant.refreshTokenExpiresAt,
    updatedAt: new Date(),
  };
  await (await db())
    .insert(ownerTokens)
    .values({ githubUserId: user.id, ...row })
    .onConflictDoUpdate({ target: ownerTokens.githubUserId, set: { ...row, version: sql`${ownerTokens.version} + 1` } });
}

/** Forgets the owner's tokens (a refused refresh; sign-out). */
export async function deleteOwnerToken(githubUserId: number): Promise<void> {
  await (await db()).delete(ownerTokens).where(eq(ownerTokens.githubUserId, githubUserId));
}

// One refresh per owner at a time in this process: a refresh token works once, so two concurrent
// refreshes would make the second look refused. (Across instances, see refresh().)
const store = globalThis as typeof globalThis & { grantdeskOwnerRefreshes?: Map<number, Promise<string>> };
const refreshing = (store.grantdeskOwnerRefreshes ??= new Map());

/**
 * The owner's current user access token, refreshed first when it has expired (or is about to),
 * or when GitHub just refused `rejected` and no one has renewed it since. Rejects with ApiError
 * `reauth_required` when there is none (never signed in with ACT_AS=owner, or AUTH_SECRET changed)
 * or GitHub refuses the refresh; with a GitHubError when GitHub could not be reached.
 */
export async function userTokenFor(githubUserId: number, { rejected }: { rejected?: string } = {}): Promise<string> {
  const stored = await readToken(githubUserId);
  if (!stored) throw reauthRequired();
  const expired = stored.expiresAt !== null && stored.expiresAt.getTime() - EXPIRY_MARGIN_MS <= Date.now();
  if (rejected === undefined ? !expired : stored.accessToken !== rejected) return stored.accessToken;

  let running = refreshing.get(githubUserId);
  if (!running) {
    running = refresh(githubUserId, stored).finally(() => refreshing.delete(githubUserId));
    refreshing.set(githubUserId, running);
  }
  return running;
}

/** The owner's token for a write sent as them (`request: { asUser }` on a GitHub call). */
export function ownerTokenSource(user: { id: number; login: string }): UserTokenSource {
  return {
    login: user.login,
    token: () => userTokenFor(user.id).catch((error: unknown) => rethrowAs(error, user.login)),
    renewed: (rejected) => userTokenFor(user.id, { rejected }).catch((error: unknown) => rethrowAs(error, user.login)),
  };
}

function rethrowAs(error: unknown, login: string): never {
  throw isApiError(error) && error.code === "reauth_required" ? reauthRequired(login) : error;
}

async function readToken(githubUserId: number): Promise<StoredToken | null> {
  const [row] = await (await db()).select().from(ownerTokens).where(eq(ownerTokens.githubUserId, githubUserId));
  if (!row) return null;
  try {
    return {
      login: row.login,
      version: row.version,
      accessToken: box().open(row.accessToken, accessContext(githubUserId)),
      expiresAt: row.accessTokenExpiresAt,
      refreshToken: row.refreshToken ? box().open(row.refreshToken, refreshContext(githubUserId)) : null,
      refreshTokenExpiresAt: row.refreshTokenExpiresAt,
    };
  } catch (error) {
    // Sealed under an earlier AUTH_SECRET: as good as none.
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

/**
 * Trades the refresh token for a new pair and keeps it. Another instance may have used the same
 * refresh token a moment earlier (GitHub then refuses ours): its newer pair is in the database
 * (a higher version), and that one is used instead of asking the owner to sign in again.
 */
async function refresh(githubUserId: number, stored: StoredToken): Promise<string> {
  const usable = stored.refreshToken && (stored.refreshTokenExpiresAt === null || stored.refreshTokenExpiresAt.getTime() > Date.now());
  const grant = usable ? await requestRefresh(stored.refreshToken!) : null;
  if (!grant) {
    const latest = await readToken(githubUserId);
    if (latest && latest.version !== stored.version) return latest.accessToken;
    await (await db()).delete(ownerTokens).where(and(eq(ownerTokens.githubUserId, githubUserId), eq(ownerTokens.version, stored.version)));
    throw reauthRequired(stored.login);
  }
  await saveOwnerToken({ id: githubUserId, login: stored.login }, grant);
  return grant.accessToken;
}

/** GitHub's `grant_type=refresh_token`; null when GitHub refuses the refresh token. */
async function requestRefresh(refreshToken: string): Promise<UserTokenGrant | null> {
  const credentials = appCredentials();
  if (!credentials) throw new ApiError("not_configured", "Grantdesk has no GitHub App yet. An operator sets it up at /setup.");
  const config = env();
  let response: Response;
  try {
    response = await fetch(`${config.githubUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }),
      signal: AbortSignal.timeout(config.githubTimeoutMs),
    });
  } catch {
    throw new GitHubError("github_unreachable", "Grantdesk could not reach GitHub to renew your access. Try again in a moment.");
  }
  if (response.status >= 500) throw new GitHubError("github_unavailable", `GitHub failed to renew your access (${response.status}). Try again in a moment.`, { status: response.status });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  // GitHub answers a refused refresh token (used, revoked, expired) with 200 and an `error` field.
  if (!response.ok || typeof answer.error === "string" || typeof answer.access_token !== "string") return null;
  return grantFromTokenAnswer(answer, Date.now());
}

/** The fields of GitHub's OAuth token answer (sign-in or refresh), with lifetimes made into times. */
export function grantFromTokenAnswer(answer: Record<string, unknown>, now: number): UserTokenGrant {
  const after = (seconds: unknown) => (typeof seconds === "number" && seconds > 0 ? new Date(now + seconds * 1000) : null);
  return {
    accessToken: String(answer.access_token),
    expiresAt: typeof answer.expires_at === "number" ? new Date(answer.expires_at * 1000) : after(answer.expires_in),
    refreshToken: typeof answer.refresh_token === "string" ? answer.refresh_token : null,
    refreshTokenExpiresAt: after(answer.refresh_token_expires_in),
  };
}
