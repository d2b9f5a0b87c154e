import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/open-database";
import { githubAppCredentials } from "@/lib/db/schema";
import type { SecretBox } from "@/lib/security/secret-box";

/** The GitHub App /setup made, as GitHub's manifest conversion described it. */
export interface StoredApp {
  appId: number;
  slug: string;
  name: string;
  ownerLogin: string;
  htmlUrl: string;
  clientId: string;
  privateKey: string;
  clientSecret: string;
  webhookSecret: string | null;
  createdAt: Date;
}

const secretsSchema = z.object({ privateKey: z.string(), clientSecret: z.string(), webhookSecret: z.string().nullable() });

const contextOf = (appId: number) => `github-app:${appId}`;

/**
 * The stored app, or null when there is none. Throws SecretBoxError when its secrets do not open
 * (AUTH_SECRET changed since setup, or the row was tampered with).
 */
export async function readStoredApp(db: Database, box: SecretBox): Promise<StoredApp | null> {
  const [row] = await db.select().from(githubAppCredentials).where(eq(githubAppCredentials.id, 1));
  if (!row) return null;
  const secrets = secretsSchema.parse(JSON.parse(box.open(row.secrets, contextOf(row.appId))));
  return {
    appId: row.appId,
    slug: row.slug,
    name: row.name,
    ownerLogin: row.ownerLogin,
    htmlUrl: row.htmlUrl,
    clientId: row.clientId,
    ...secrets,
    createdAt: row.createdAt,
  };
}

/** Stores the app, replacing the one stored before (an operator ran setup again). */
export async function writeStoredApp(db: Database, box: SecretBox, app: Omit<StoredApp, "createdAt">): Promise<void> {
  const secrets = box.seal(
    JSON.stringify({ privateKey: app.privateKey, clientSecret: app.clientSecret, webhookSecret: app.webhookSecret }),
    contextOf(app.appId),
  );
  const row = {
    appId: app.appId,
    slug: app.slug,
    name: app.name,
    ownerLogin: app.ownerLogin,
    htmlUrl: app.htmlUrl,
    clientId: app.clientId,
    secrets,
    createdAt: new Date(),
  };
  await db
    .insert(githubAppCredentials)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: githubAppCredentials.id, set: row });
}
