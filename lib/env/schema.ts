import { createPrivateKey } from "node:crypto";
import { z } from "zod";

const url = z
  .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const optional = (value: unknown) => (value === "" ? undefined : value);

// Notifications (lib/notifications): the instance's default mail server, how often each instance
// looks for notifications to send, and settings to give orgs that have none (the demo's).
const notificationEnvShape = {
  SMTP_URL: z.preprocess(optional, z.string().regex(/^smtps?:\/\/[^/?#\s]+(:\d+)?\/?$/, "expected smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://…").optional()),
  SMTP_FROM: z.preprocess(optional, z.string().max(200).optional()),
  NOTIFY_INTERVAL_SECONDS: z.preprocess(optional, z.coerce.number().int().min(1, "expected at least 1 second").max(3_600).default(30)),
  NOTIFICATIONS_SEED: z.preprocess(optional, z.string().optional()),
};

/**
 * The configuration table of DESIGN.md. Aliases (NEXTAUTH_SECRET, NEXTAUTH_URL) are folded in
 * before parsing so every message names the variable a person would set.
 */
export const envSchema = z
  .object({
    GITHUB_API_URL: z.preprocess(optional, url.default("https://api.github.com")),
    GITHUB_URL: z.preprocess(optional, url.default("https://github.com")),
    GITHUB_APP_ID: z.string({ error: "required: the GitHub App's numeric id" }).regex(/^\d+$/, "expected the GitHub App's numeric id"),
    GITHUB_APP_PRIVATE_KEY: z.preprocess(optional, z.string().optional()),
    GITHUB_APP_PRIVATE_KEY_FILE: z.preprocess(optional, z.string().optional()),
    GITHUB_APP_CLIENT_ID: z.string({ error: "required: the GitHub App's OAuth client id" }).min(1, "required: the GitHub App's OAuth client id"),
    GITHUB_APP_CLIENT_SECRET: z
      .string({ error: "required: the GitHub App's OAuth client secret" })
      .min(1, "required: the GitHub App's OAuth client secret"),
    AUTH_SECRET: z
      .string({ error: "required: a random secret of at least 32 characters (e.g. `openssl rand -base64 32`)" })
      .min(32, "expected at least 32 characters (e.g. `openssl rand -base64 32`)"),
    APP_URL: z.preprocess(optional, url.default("http://localhost:3000")),
    DATABASE_URL: z.preprocess(
      optional,
      z.string().regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL (or leave it unset for the embedded database)").optional(),
    ),
    DATABASE_MIGRATION_URL: z.preprocess(
      optional,
      z.string().regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL (the owner role's; or leave it unset to migrate with DATABASE_URL)").optional(),
    ),
    DATA_DIR: z.preprocess(optional, z.string().default("./data")),
    PORT: z.preprocess(optional, z.coerce.number().int().min(1).max(65535).default(3000)),
    GITHUB_TIMEOUT_MS: z.preprocess(optional, z.coerce.number().int().min(100).max(120_000).default(10_000)),
    INVENTORY_REQUESTS_INTERVAL_SECONDS: z.preprocess(optional, z.coerce.number().int().min(10, "expected at least 10 seconds").max(86_400).default(60)),
    INVENTORY_TOKENS_INTERVAL_SECONDS: z.preprocess(optional, z.coerce.number().int().min(10, "expected at least 10 seconds").max(86_400).default(900)),
    ...notificationEnvShape,
  })
  .superRefine((value, ctx) => {
    if (!value.GITHUB_APP_PRIVATE_KEY && !value.GITHUB_APP_PRIVATE_KEY_FILE) {
      ctx.addIssue({
        code: "custom",
        path: ["GITHUB_APP_PRIVATE_KEY"],
        message: "required: the GitHub App's PEM private key (or GITHUB_APP_PRIVATE_KEY_FILE with its path)",
      });
    }
    if (value.DATABASE_MIGRATION_URL && !value.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_MIGRATION_URL"],
        message: "needs DATABASE_URL too (the server's role); the embedded database has a single role",
      });
    }
  });

export type RawEnv = z.infer<typeof envSchema>;

export interface Env {
  githubApiUrl: string;
  githubUrl: string;
  appId: string;
  privateKey: string;
  clientId: string;
  clientSecret: string;
  authSecret: string;
  appUrl: string;
  databaseUrl: string | undefined;
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  port: number;
  githubTimeoutMs: number;
  /** How often each org's pending requests and token grants are synced into the inventory. */
  syncIntervalSeconds: { requests: number; tokens: number };
  notifications: { smtpUrl: string | undefined; smtpFrom: string | undefined; intervalSeconds: number; seed: string | undefined };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Source = Record<string, string | undefined>;

/**
 * Parses the environment. Throws a ConfigError whose message is one line naming the first bad
 * variable and what is expected; values are never echoed, since most of them are secrets.
 */
export function parseEnv(source: Source, readFile: (path: string) => string): Env {
  const withAliases: Source = {
    ...source,
    AUTH_SECRET: source.AUTH_SECRET || source.NEXTAUTH_SECRET,
    APP_URL: source.APP_URL || source.NEXTAUTH_URL,
  };
  const result = envSchema.safeParse(withAliases);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`Configuration error: ${name} — ${issue.message}`);
  }
  const raw = result.data;
  return {
    githubApiUrl: raw.GITHUB_API_URL,
    githubUrl: raw.GITHUB_URL,
    appId: raw.GITHUB_APP_ID,
    privateKey: resolvePrivateKey(raw, readFile),
    clientId: raw.GITHUB_APP_CLIENT_ID,
    clientSecret: raw.GITHUB_APP_CLIENT_SECRET,
    authSecret: raw.AUTH_SECRET,
    appUrl: raw.APP_URL,
    databaseUrl: raw.DATABASE_URL,
    databaseMigrationUrl: raw.DATABASE_MIGRATION_URL,
    dataDir: raw.DATA_DIR,
    port: raw.PORT,
    githubTimeoutMs: raw.GITHUB_TIMEOUT_MS,
    syncIntervalSeconds: { requests: raw.INVENTORY_REQUESTS_INTERVAL_SECONDS, tokens: raw.INVENTORY_TOKENS_INTERVAL_SECONDS },
    notifications: { smtpUrl: raw.SMTP_URL, smtpFrom: raw.SMTP_FROM, intervalSeconds: raw.NOTIFY_INTERVAL_SECONDS, seed: raw.NOTIFICATIONS_SEED },
  };
}

function resolvePrivateKey(raw: RawEnv, readFile: (path: string) => string): string {
  let pem: string;
  let name: string;
  if (raw.GITHUB_APP_PRIVATE_KEY) {
    name = "GITHUB_APP_PRIVATE_KEY";
    pem = raw.GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, "\n");
  } else {
    name = "GITHUB_APP_PRIVATE_KEY_FILE";
    try {
      pem = readFile(raw.GITHUB_APP_PRIVATE_KEY_FILE!);
    } catch {
      throw new ConfigError(`Configuration error: ${name} — cannot read the file it names`);
    }
  }
  // Parsed, not pattern-matched: a truncated or mangled key stops start-up here, not at the first GitHub call.
  try {
    createPrivateKey(pem);
  } catch {
    throw new ConfigError(`Configuration error: ${name} — expected a PEM private key (the .pem file GitHub downloads for the app)`);
  }
  return pem.trim() + "\n";
}
