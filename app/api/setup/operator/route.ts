import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { isOperatorToken } from "@/lib/setup/operator-token";
import { backToSetup, readSmallForm, requestSetupSession } from "@/lib/setup/setup-response";

// POST /api/setup/operator — the operator token printed at start-up, from the setup page's form
// (a POST, so the token never sits in a URL or a log line): opens setup for this browser for an
// hour, to replace an app that is already set up. Public by nature.
export async function POST(req: NextRequest): Promise<NextResponse> {
  if (!isSameOriginRequest(req.headers, env().appUrl)) return backToSetup("cross_site");
  const token = (await readSmallForm(req))?.get("token");
  if (typeof token !== "string" || token === "" || !isOperatorToken(token)) return backToSetup("bad_token");
  return backToSetup("operator", { operator: true, state: requestSetupSession(req)?.state ?? null });
}
