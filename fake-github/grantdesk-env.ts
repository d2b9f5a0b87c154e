import type { FakeGitHub } from "./server";

/**
 * The environment that points Grantdesk at this fake-github: its URLs and the app's credentials,
 * plus the webhook secret and the SMTP mail sink when they are on (names to match lib/env).
 */
export function grantdeskEnvFor(fake: FakeGitHub): Record<string, string> {
  return {
    GITHUB_API_URL: fake.url,
    GITHUB_URL: fake.url,
    GITHUB_APP_ID: String(fake.appId),
    GITHUB_APP_PRIVATE_KEY: fake.appPrivateKeyPem,
    GITHUB_APP_CLIENT_ID: fake.clientId,
    GITHUB_APP_CLIENT_SECRET: fake.clientSecret,
    ...(fake.webhookSecret ? { GITHUB_WEBHOOK_SECRET: fake.webhookSecret } : {}),
    ...(fake.smtpPort !== null ? { SMTP_URL: `smtp://127.0.0.1:${fake.smtpPort}` } : {}),
  };
}
