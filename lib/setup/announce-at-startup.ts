import "server-only";
import { appCredentials, appCredentialsStatus, setupApp, syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { operatorToken } from "./operator-token";

/**
 * Reads the stored GitHub App (if any) and says in one line where Grantdesk's credentials come
 * from — and, when /setup can change them, the operator token that opens it.
 */
export async function announceAppCredentialsAtStartup(): Promise<void> {
  await syncAppCredentials({ force: true });
  const { appUrl } = env();
  switch (appCredentialsStatus()) {
    case "environment":
      console.log(`[setup] GitHub App ${appCredentials()?.appId} from the GITHUB_APP_* variables`);
      return;
    case "setup": {
      const app = setupApp();
      console.log(`[setup] GitHub App ${app?.appId} (${app?.slug}) from the database; to replace it, open ${appUrl}/setup (operator token: ${operatorToken()})`);
      return;
    }
    case "none":
      console.log(`[setup] no GitHub App configured: open ${appUrl}/setup (operator token: ${operatorToken()})`);
      return;
    case "unreadable":
      console.log(`[setup] the stored GitHub App cannot be read with this AUTH_SECRET: open ${appUrl}/setup (operator token: ${operatorToken()})`);
      return;
    case "unknown":
      console.log(`[setup] the database did not answer, so the GitHub App is unknown yet; ${appUrl}/setup opens with the operator token: ${operatorToken()}`);
  }
}
