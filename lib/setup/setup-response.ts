import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { openSetupSession, sealSetupSession, setupSessionCookieName, type SetupSession } from "./setup-session";

/** What the setup page can be sent back to say; anything else in its URL is ignored. */
export const SETUP_NOTICES = [
  "created",
  "operator",
  "bad_owner",
  "not_allowed",
  "cross_site",
  "state_mismatch",
  "no_code",
  "code_refused",
  "github_failed",
  "store_failed",
  "bad_token",
] as const;
export type SetupNotice = (typeof SETUP_NOTICES)[number];

/** The setup session of the browser making the request, or null. */
export function requestSetupSession(req: NextRequest): SetupSession | null {
  const config = env();
  return openSetupSession(req.cookies.get(setupSessionCookieName(config.appUrl))?.value, config.authSecret);
}

/** Back to /setup (303: the browser follows with a GET), saying what happened. */
export function backToSetup(notice: SetupNotice, session?: Omit<SetupSession, "expiresAt">): NextResponse {
  const config = env();
  const response = NextResponse.redirect(new URL(`/setup?${new URLSearchParams({ notice })}`, config.appUrl), 303);
  if (session) setSessionCookie(response, session);
  return response;
}

export function setSessionCookie(response: NextResponse, session: Omit<SetupSession, "expiresAt">): void {
  const config = env();
  const cookie = sealSetupSession(session, config.authSecret, config.appUrl);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
}

/** Form posts to the setup routes are small; anything larger is not from the setup page. */
export async function readSmallForm(req: NextRequest): Promise<FormData | null> {
  if (Number(req.headers.get("content-length") ?? 0) > 16 * 1024) return null;
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) return null;
  try {
    return await req.formData();
  } catch {
    return null;
  }
}
