import "server-only";
import { readFileSync } from "node:fs";
import { parseEnv, type Env } from "./schema";

export { ConfigError, type ActAs, type Env, type GitHubAppCredentials } from "./schema";

let cached: Env | undefined;

/** The validated configuration, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env, (path) => readFileSync(path, "utf8"));
  return cached;
}
