// `npm run fake-github -- --port 4010 --seed 1 --requests 300 --tokens 1200 --app-id 1 --app-key FILE`
//   [--webhook-url URL --webhook-secret S --smtp-port N --auto-request-every SECONDS --user-token-ttl SECONDS]
// Starts fake-github on 127.0.0.1 and runs until SIGINT/SIGTERM.

import { createPrivateKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAppPrivateKey, startFakeGitHub, type FakeGitHubOptions } from "./server";

const DEFAULT_KEY_FILE = ".fake-github/app-key.pem";

const USAGE = `Usage: npm run fake-github -- [options]
  --port N              port on 127.0.0.1 (default 4010; 0 = any free port)
  --seed N              seed of the generated world (default 1)
  --requests N          pending requests in the org "acme" (default 300)
  --tokens N            active tokens in "acme" (default 1200, up to 100000)
  --app-id N            the GitHub App's id (default 1)
  --app-key FILE        the app's PEM private key (default: ${DEFAULT_KEY_FILE}, generated when missing)
  --client-id ID        OAuth client id (default Iv1.grantdeskdemo)
  --client-secret S     OAuth client secret (default grantdesk-demo-client-secret)
  --callback-url URL    allowed OAuth callback URL (repeatable; default: Grantdesk on localhost:3000)
  --apply-delay-ms N    delay before a bulk (202) action takes effect (default 500)
  --webhook-url URL     deliver the app's webhooks there (loopback only; default: none sent)
  --webhook-secret S    sign them with this secret (default: unsigned)
  --smtp-port N         port of the SMTP mail sink (default 0 = any free port; "off" = none)
  --auto-request-every SECONDS
                        a random member requests a token this often (default: off)
  --user-token-ttl SECONDS
                        lifetime of user access tokens (default 28800; 0 = non-expiring)`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} expects a non-negative integer, got "${value}"`);
  return Number(value);
}

function checkedRsaKey(pem: string, path: string): string {
  try {
    if (createPrivateKey(pem).asymmetricKeyType === "rsa") return pem;
  } catch {
    // Reported below with the file's name.
  }
  throw new UsageError(`${path} is not an RSA private key in PEM format`);
}

async function appKey(file: string | undefined): Promise<{ pem: string; note: string }> {
  if (file !== undefined) {
    const path = resolve(file);
    let pem: string;
    try {
      pem = readFileSync(path, "utf8");
    } catch {
      throw new UsageError(`cannot read the app key file ${path}`);
    }
    return { pem: checkedRsaKey(pem, path), note: path };
  }
  const path = resolve(DEFAULT_KEY_FILE);
  if (existsSync(path)) return { pem: checkedRsaKey(readFileSync(path, "utf8"), path), note: `${path} (reused)` };
  const pem = await generateAppPrivateKey();
  mkdirSync(resolve(".fake-github"), { recursive: true });
  writeFileSync(path, pem, { mode: 0o600 });
  return { pem, note: `${path} (generated)` };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      requests: { type: "string" },
      tokens: { type: "string" },
      "app-id": { type: "string" },
      "app-key": { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "callback-url": { type: "string", multiple: true },
      "apply-delay-ms": { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      "smtp-port": { type: "string" },
      "auto-request-every": { type: "string" },
      "user-token-ttl": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = integer("port", values.port) ?? 4010;
  const key = await appKey(values["app-key"]);
  for (const url of values["callback-url"] ?? []) {
    if (!URL.canParse(url)) throw new UsageError(`--callback-url expects a URL, got "${url}"`);
  }
  const webhookUrl = values["webhook-url"];
  if (webhookUrl !== undefined && !URL.canParse(webhookUrl)) throw new UsageError(`--webhook-url expects a URL, got "${webhookUrl}"`);
  const autoRequestSeconds = values["auto-request-every"];
  if (autoRequestSeconds !== undefined && !(/^\d+(\.\d+)?$/.test(autoRequestSeconds) && Number(autoRequestSeconds) >= 0.1)) {
    throw new UsageError(`--auto-request-every expects seconds (at least 0.1), got "${autoRequestSeconds}"`);
  }
  const options: FakeGitHubOptions = {
    port,
    seed: integer("seed", values.seed),
    requests: integer("requests", values.requests),
    tokens: integer("tokens", values.tokens),
    appId: integer("app-id", values["app-id"]),
    appPrivateKeyPem: key.pem,
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
    callbackUrls: values["callback-url"],
    applyDelayMs: integer("apply-delay-ms", values["apply-delay-ms"]),
    webhookUrl,
    webhookSecret: values["webhook-secret"],
    smtpPort: values["smtp-port"] === "off" ? null : integer("smtp-port", values["smtp-port"]),
    autoRequestEveryMs: autoRequestSeconds === undefined ? undefined : Math.round(Number(autoRequestSeconds) * 1000),
    userTokenTtlSeconds: integer("user-token-ttl", values["user-token-ttl"]),
  };

  let fake;
  try {
    fake = await startFakeGitHub(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${port} on 127.0.0.1 is already in use; choose another with --port`);
    if (code === "EACCES") throw new UsageError(`no permission to listen on port ${port}; choose another with --port`);
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }

  console.log(`fake-github listening on ${fake.url}`);
  console.log(`  seed ${options.seed ?? 1}; acme: ${options.requests ?? 300} pending requests, ${options.tokens ?? 1200} tokens`);
  console.log(`  app id ${fake.appId}; OAuth client id ${fake.clientId}`);
  console.log(`  app private key: ${key.note}`);
  console.log(`  webhooks: ${options.webhookUrl ?? "none (no --webhook-url)"}${options.webhookUrl && !options.webhookSecret ? ", unsigned" : ""}`);
  console.log(`  mail sink (SMTP): ${fake.smtpPort === null ? "off" : `127.0.0.1:${fake.smtpPort}`}; Slack sink: ${fake.url}/_sinks/slack/{channel}`);
  console.log(`  request log: ${fake.url}/_fake/log; demo controls: ${fake.url}/_fake/demo; notifications: ${fake.url}/_sinks`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`fake-github: ${(error as Error).message}`);
    process.exit(1);
  }
  console.error("fake-github: failed to start:", error);
  process.exit(1);
});
