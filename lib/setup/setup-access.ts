import "server-only";
import type { AppCredentialsStatus } from "@/lib/app-credentials/app-credentials";
import type { SetupSession } from "./setup-session";

/**
 * Who may create (or replace) the GitHub App through /setup:
 * - `open`: there are no credentials anywhere, so anyone reaching the page may start;
 * - `operator`: credentials exist (or cannot be read) but this browser gave the operator token;
 * - `locked`: credentials exist; only the operator token opens setup;
 * - `environment`: the GITHUB_APP_* variables are set and always win: setup would change nothing;
 * - `unavailable`: the database has not answered, so whether an app exists is unknown.
 */
export type SetupAccess = "open" | "operator" | "locked" | "environment" | "unavailable";

export function setupAccess(status: AppCredentialsStatus, session: SetupSession | null): SetupAccess {
  if (status === "environment") return "environment";
  if (status === "unknown") return session?.operator ? "operator" : "unavailable";
  if (status === "none") return "open";
  return session?.operator ? "operator" : "locked";
}

/** Whether the access lets a browser start creating an app. */
export const maySetUp = (access: SetupAccess) => access === "open" || access === "operator";
