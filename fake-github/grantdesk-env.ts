import type { FakeGitHub } from "./server";

/** The environment that points Grantdesk at this fake-github: its URLs and the app's credentials. */
export function grantdeskEnvFor(fake: FakeGitHub): Record<string, string> {
  return {
    GITHUB_API_URL: fake.url,
    GITHUB_URL: fake.url,
    GITHUB_APP_ID: String(fake.appId),
    GITHUB_APP_PRIVATE_KEY: fake.appPrivateKeyPem,
    GITHUB_APP_CLIENT_ID: fake.clientId,
    GITHUB_APP_CLIENT_SECRET: fake.clientSecret,
  };
}
