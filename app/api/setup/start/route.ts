import { NextResponse, type NextRequest } from "next/server";
import { appCredentialsStatus, syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { isOrgName } from "@/lib/contract/github-names";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { manifestFormUrl, type AppOwner } from "@/lib/setup/app-manifest";
import { maySetUp, setupAccess } from "@/lib/setup/setup-access";
import { backToSetup, readSmallForm, requestSetupSession, setSessionCookie } from "@/lib/setup/setup-response";
import { newSetupState } from "@/lib/setup/setup-session";

// POST /api/setup/start — the setup page's "Create the GitHub App": checks who may set up, starts
// a setup session with a fresh `state`, and sends the same form on to GitHub's app-creation page
// (307 keeps the method and body, so GitHub receives the page's `manifest` field). Public: setup
// happens before anyone can sign in; setup-access.ts says who may.
export async function POST(req: NextRequest): Promise<NextResponse> {
  const config = env();
  if (!isSameOriginRequest(req.headers, config.appUrl)) return backToSetup("cross_site");
  await syncAppCredentials({ force: true });
  const session = requestSetupSession(req);
  if (!maySetUp(setupAccess(appCredentialsStatus(), session))) return backToSetup("not_allowed");

  const form = await readSmallForm(req);
  const org = String(form?.get("org") ?? "").trim();
  const kind = form?.get("owner_kind");
  let owner: AppOwner;
  if (kind === "user") owner = { kind: "user" };
  else if (kind === "organization" && isOrgName(org)) owner = { kind: "organization", org };
  else return backToSetup("bad_owner", session ? { operator: session.operator, state: null } : undefined);
  if (typeof form?.get("manifest") !== "string") return backToSetup("bad_owner");

  const state = newSetupState();
  const response = NextResponse.redirect(manifestFormUrl(config.githubUrl, owner, state), 307);
  setSessionCookie(response, { operator: session?.operator ?? false, state });
  return response;
}
