import type { NextRequest, NextResponse } from "next/server";
import { storeSetupApp } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { ConversionError, convertManifestCode } from "@/lib/setup/convert-manifest-code";
import { backToSetup, requestSetupSession } from "@/lib/setup/setup-response";
import { stateMatches } from "@/lib/setup/setup-session";

const CODE = /^[A-Za-z0-9_-]{1,200}$/;

// GET /api/setup/callback?code=…&state=… — where GitHub sends the browser back after creating the
// app: the state must be this browser's setup session's; the code is traded (once, within the
// hour) for the app's credentials, which are stored sealed and used from the next call on. Public:
// the setup session (set by /api/setup/start, which checks who may set up) is the authorization.
export async function GET(req: NextRequest): Promise<NextResponse> {
  const config = env();
  const session = requestSetupSession(req);
  const code = req.nextUrl.searchParams.get("code");
  if (!stateMatches(session, req.nextUrl.searchParams.get("state"))) return backToSetup("state_mismatch");
  if (!code || !CODE.test(code)) return backToSetup("no_code");

  let app;
  try {
    app = await convertManifestCode(code, { apiUrl: config.githubApiUrl, timeoutMs: config.githubTimeoutMs });
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    console.warn(`[setup] GitHub did not convert the manifest code: ${redactSecrets(error.message)}`);
    return backToSetup(error.failure);
  }
  try {
    await storeSetupApp(app);
  } catch (error) {
    console.error(`[setup] could not store GitHub App ${app.appId} (${app.slug}): ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    return backToSetup("store_failed");
  }
  console.log(`[setup] GitHub App ${app.appId} (${app.slug}) created for ${app.ownerLogin} and stored; Grantdesk uses it from now on`);
  return backToSetup("created");
}
