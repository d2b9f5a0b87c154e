import { createPrivateKey } from "node:crypto";
import { z } from "zod";

const url = z
  .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const optional = (value: unknown) => (value === "" ? undefined : value);

/** A per-user rate: calls per minute, 0 for no limit. */
const perMinute = z.coerce
  .number({ error: "expected a whole number of calls per minute (0 for no limit)" })
  .int("expected a whole number of calls per minute (0 for no limit)")
  .min(0, "expected a whole number of calls per minute (0 for no limit)")
  .max(1_000_000_000, "expected a whole number of calls per minute (0 for no limit)");

// Notifications (lib/notifications): the instance's default mail server, how often each instance
// looks for notifications to send, and settings to give orgs that have none (the demo's).
const notificationEnvShape = {
  SMTP_URL: z.preprocess(optional, z.string().regex(/^smtps?:\/\/[^/?#\s]+(:\d+)?\/?$/, "expected smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://…").optional()),
  SMTP_FROM: z.preprocess(optional, z.string().max(200).optional()),
  NOTIFY_INTERVAL_SECONDS: z.preprocess(optional, z.coerce.number().int().min(1, "expected at least 1 second").max(3_600).default(30)),
  NOTIFICATIONS_SEED: z.preprocess(optional, z.string().optional()),
};
const APP_VARIABLES = [
  "GITHUB_APP_ID",
  "GITHUB_APP_PRIVATE_KEY",
  "GITHUB_APP_PRIVATE_KEY_FILE",
  "GITHUB_APP_CLIENT_ID",
  "GITHUB_APP_CLIENT_SECRET",
  "GITHUB_WEBHOOK_SECRET",
] as const;

/**
 * The configuration table of DESIGN.md. Aliases (NEXTAUTH_SECRET, NEXTAUTH_URL) are folded in
 * before parsing so every message names the variable a person would set.
 */
export const envSchema = z
  .object({
    GITHUB_API_URL: z.preprocess(optional, url.default("https://api.github.com")),
    GITHUB_URL: z.preprocess(optional, url.default("https://github.com")),
    // The app's credentials: all four, or none (the app is then set up at /setup, see lib/app-credentials).
    GITHUB_APP_ID: z.preprocess(optional, z.string().regex(/^\d+$/, "expected the GitHub App's numeric id").optional()),
    GITHUB_APP_PRIVATE_KEY: z.preprocess(optional, z.string().optional()),
    GITHUB_APP_PRIVATE_KEY_FILE: z.preprocess(optional, z.string().optional()),
    GITHUB_APP_CLIENT_ID: z.preprocess(optional, z.string().optional()),
    GITHUB_APP_CLIENT_SECRET: z.preprocess(optional, z.string().optional()),
    GITHUB_WEBHOOK_SECRET: z.preprocess(optional, z.string().optional()),
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
    RATE_LIMIT_READS_PER_MINUTE: z.preprocess(optional, perMinute.default(600)),
    RATE_LIMIT_WRITES_PER_MINUTE: z.preprocess(optional, perMinute.default(60)),
    MAX_ACTIVE_JOBS_PER_USER: z.preprocess(
      optional,
      z.coerce.number({ error: "expected a whole number from 1 to 1000" }).int("expected a whole number from 1 to 1000").min(1, "expected a whole number from 1 to 1000").max(1000, "expected a whole number from 1 to 1000").default(5),
    ),
    ...notificationEnvShape,
    ACT_AS: z.preprocess(optional, z.enum(["app", "owner"], { error: 'expected "app" or "owner"' }).default("app")),
    SHUTDOWN_TIMEOUT_MS: z.preprocess(optional, z.coerce.number().int().min(0).max(600_000).default(25_000)),
  })
  .superRefine((value, ctx) => {
    const given = APP_VARIABLES.filter((name) => value[name] !== undefined);
    if (given.length === 0) return;
    // Half an app is a typo, not a choice: name the first missing piece.
    if (!value.GITHUB_APP_ID) ctx.addIssue({ code: "custom", path: ["GITHUB_APP_ID"], message: `required with ${given[0]}: the GitHub App's numeric id` });
    else if (!value.GITHUB_APP_PRIVATE_KEY && !value.GITHUB_APP_PRIVATE_KEY_FILE) {
      ctx.addIssue({
        code: "custom",
        path: ["GITHUB_APP_PRIVATE_KEY"],
        message: "required with GITHUB_APP_ID: the GitHub App's PEM private key (or GITHUB_APP_PRIVATE_KEY_FILE with its path)",
      });
    } else if (!value.GITHUB_APP_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_APP_CLIENT_ID"], message: "required with GITHUB_APP_ID: the GitHub App's OAuth client id" });
    } else if (!value.GITHUB_APP_CLIENT_SECRET) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_APP_CLIENT_SECRET"], message: "required with GITHUB_APP_ID: the GitHub App's OAuth client secret" });
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

/** A GitHub App's credentials, from the environment here or from /setup (lib/app-credentials). */
export interface GitHubAppCredentials {
  appId: string;
  privateKey: string;
  clientId: string;
  clientSecret: string;
  /** Signs the app's webhook deliveries; null when the app has none. */
  webhookSecret: string | null;
}

export type ActAs = "app" | "owner";

export interface Env {
  githubApiUrl: string;
  githubUrl: string;
  /** From the GITHUB_APP_* variables; null when none are set (then from /setup, stored in the database). */
  githubApp: GitHubAppCredentials | null;
  authSecret: string;
  appUrl: string;
  databaseUrl: string | undefined;
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  port: number;
  githubTimeoutMs: number;
  /** How often each org's pending requests and token grants are synced into the inventory. */
  syncIntervalSeconds: { requests: number; tokens: number };
  /** API calls one user may make per minute, across every instance: GETs and the rest apart; 0 = no limit. */
  rateLimits: { readsPerMinute: number; writesPerMinute: number };
  /** Bulk jobs one user may have queued or running on one org at once. */
  maxActiveJobsPerUser: number;
  notifications: { smtpUrl: string | undefined; smtpFrom: string | undefined; intervalSeconds: number; seed: string | undefined };
  /** `owner`: reviews and revokes are sent with the signed-in owner's own user token. */
  actAs: ActAs;
  /** After SIGTERM, how long in-flight writes may take to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
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
    githubApp: raw.GITHUB_APP_ID
      ? {
          appId: raw.GITHUB_APP_ID,
          privateKey: resolvePrivateKey(raw, readFile),
          clientId: raw.GITHUB_APP_CLIENT_ID!,
          clientSecret: raw.GITHUB_APP_CLIENT_SECRET!,
          webhookSecret: raw.GITHUB_WEBHOOK_SECRET ?? null,
        }
      : null,
    authSecret: raw.AUTH_SECRET,
    appUrl: raw.APP_URL,
    databaseUrl: raw.DATABASE_URL,
    databaseMigrationUrl: raw.DATABASE_MIGRATION_URL,
    dataDir: raw.DATA_DIR,
    port: raw.PORT,
    githubTimeoutMs: raw.GITHUB_TIMEOUT_MS,
    syncIntervalSeconds: { requests: raw.INVENTORY_REQUESTS_INTERVAL_SECONDS, tokens: raw.INVENTORY_TOKENS_INTERVAL_SECONDS },
    rateLimits: { readsPerMinute: raw.RATE_LIMIT_READS_PER_MINUTE, writesPerMinute: raw.RATE_LIMIT_WRITES_PER_MINUTE },
    maxActiveJobsPerUser: raw.MAX_ACTIVE_JOBS_PER_USER,
    notifications: { smtpUrl: raw.SMTP_URL, smtpFrom: raw.SMTP_FROM, intervalSeconds: raw.NOTIFY_INTERVAL_SECONDS, seed: raw.NOTIFICATIONS_SEED },
    actAs: raw.ACT_AS,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
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
