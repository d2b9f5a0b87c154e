import "server-only";
import { ConfigError, env, type Env } from "./index";

/** Parses the configuration; on a bad variable prints the one-line reason and exits. */
export function checkConfigurationOrExit(): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
