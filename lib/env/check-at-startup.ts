import "server-only";
import { ConfigError, env } from "./index";

/** Parses the configuration; on a bad variable prints the one-line reason and exits. */
export function checkConfigurationOrExit(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
