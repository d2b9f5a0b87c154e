// npm run demo — fake-github with a realistic seeded world plus the dashboard's production build,
// wired together with nothing to configure. Ctrl-C stops both.
import { buildIsStale } from "./build-freshness";
import { isPortFree } from "./port-free";
import { startStack } from "./stack";

const appPort = Number(process.env.PORT ?? 3000);
const fakePort = Number(process.env.FAKE_GITHUB_PORT ?? 4010);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const AUTO_REQUEST_EVERY_MS = 3 * 60_000;

async function main() {
  for (const [name, port, variable] of [
    ["the dashboard", appPort, "PORT"],
    ["fake-github", fakePort, "FAKE_GITHUB_PORT"],
  ] as const) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      console.error(`demo: ${variable} must be a port number (1–65535)`);
      process.exit(1);
    }
    if (!(await isPortFree(port))) {
      console.error(`demo: port ${port} (${name}) is already in use — stop what uses it or set ${variable}=another port`);
      process.exit(1);
    }
  }

  const sinks = `http://127.0.0.1:${fakePort}/_sinks`;
  // Both orgs notify fake-github's Slack and mail stand-ins (applied once: settings an owner saved are kept).
  const notificationsSeed = Object.fromEntries(["acme", "globex"].map((org) => [org, { slackUrl: `${sinks}/slack/${org}-owners`, emailTo: [`owners@${org}.example`] }]));
  const stack = await startStack({
    appPort,
    fakePort,
    distDir,
    build: buildIsStale(distDir) ? "always" : "never",
    // A member asks for a token every few minutes on their own; the request shows up live.
    fake: { seed: 1, requests: 600, tokens: 6000, autoRequestEveryMs: AUTO_REQUEST_EVERY_MS },
    extraEnv: { NOTIFICATIONS_SEED: JSON.stringify(notificationsSeed) },
  });

  console.log(`
Grantdesk demo is running.

  Dashboard:    ${stack.appUrl}
  fake-github:  ${stack.fake.url}   (stands in for GitHub; no credentials needed)
  Demo control: ${stack.fake.url}/_fake/demo   (make a member request a token; webhook deliveries)
  Sinks:        ${stack.fake.url}/_sinks   (Slack messages and mail Grantdesk sent)

A new token request arrives every ${AUTO_REQUEST_EVERY_MS / 60_000} minutes by itself (fake-github's webhook → Grantdesk →
the open requests page, no reload).

Sign in as:
  mona     owner of acme (the large org) and globex — review and revoke
  octocat  owner of globex only — lands straight on it
  hubot    a plain member — sees the "not an owner" refusal

Notifications: acme and globex send to fake-github's Slack and mail stand-ins.
  What they received:  ${sinks}
  Settings:            ${stack.appUrl}/orgs/acme/settings   (Send digest now, test messages)

Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    void stack.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
