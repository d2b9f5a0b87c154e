// Ports, paths and the known fake secrets of the end-to-end run, shared by the Playwright config,
// the server it starts and the specs (the secret-leak spec searches for exactly these values).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3310);
export const FAKE_PORT = Number(process.env.E2E_FAKE_PORT ?? 4310);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const FAKE_URL = `http://127.0.0.1:${FAKE_PORT}`;

const root = fileURLToPath(new URL("..", import.meta.url));
export const DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
// Per port, so two runs on one machine (different E2E_APP_PORTs) never share storage states or logs.
export const RUN_DIR = path.join(root, "test-results", `e2e-run-${APP_PORT}`);
export const SERVER_LOG = path.join(RUN_DIR, "dashboard.log");
export const APP_KEY_FILE = path.join(RUN_DIR, "app-key.pem");
export const OWNER_STATE = path.join(RUN_DIR, "owner.json");
export const MEMBER_STATE = path.join(RUN_DIR, "member.json");

export const KNOWN_SECRETS = {
  authSecret: "e2e-known-fake-session-secret-3b9d1f7a2c5e",
  clientSecret: "e2e-known-fake-client-secret-8c4a6e2f0d1b",
  webhookSecret: "e2e-known-fake-webhook-secret-5d2e9a7c1f3b",
};

export const OWNER = "mona";
export const MEMBER = "hubot";

// Specs that need a dashboard of their own (another configuration, a process to stop) start one
// beside the main one, on the next ports up, from the same build (e2e/extra-stack.ts).
export const EXTRA_STACKS = {
  /** A fresh install: no GitHub App credentials, waiting for /setup. */
  setup: { appPort: APP_PORT + 1, fakePort: FAKE_PORT + 1 },
  /** ACT_AS=owner: writes with the signed-in owner's own user token. */
  actAsOwner: { appPort: APP_PORT + 2, fakePort: FAKE_PORT + 2 },
  /** The standalone server (as the image runs it) on PostgreSQL, stopped with SIGTERM. */
  standalone: { appPort: APP_PORT + 3, fakePort: FAKE_PORT + 3 },
  /** Killed with SIGKILL mid-job and started again on its embedded database. */
  restarts: { appPort: APP_PORT + 4, fakePort: FAKE_PORT + 4 },
  /** Two instances of one deployment: one PostgreSQL database, one fake-github (the first's). */
  instanceA: { appPort: APP_PORT + 5, fakePort: FAKE_PORT + 5 },
  instanceB: { appPort: APP_PORT + 6, fakePort: FAKE_PORT + 6 },
} as const;
export const extraAppUrl = (name: keyof typeof EXTRA_STACKS) => `http://127.0.0.1:${EXTRA_STACKS[name].appPort}`;
