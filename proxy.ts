import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isWithinLifetime, sessionClaims } from "@/lib/auth/session-claims";
import { signedPathHeaders } from "@/lib/auth/request-path";
import { env } from "@/lib/env";
import { githubImageOrigins, pageContentSecurityPolicy } from "@/lib/security/csp";

// /setup comes before anyone can sign in (there is no GitHub App yet); it guards itself.
const PUBLIC_PAGES = new Set(["/signin", "/setup"]);

/**
 * Runs before every page: sends anonymous visitors to sign-in (remembering where they were
 * going) and gives each response a fresh CSP nonce. Authorization itself happens in the org
 * layout and the API wrapper; this is only the redirect (and a session past its 8 hours counts as
 * none; a signed-out one is refused by the layout, which checks the deny-list). The redirect's
 * URL comes from APP_URL alone, whatever Host or X-Forwarded-* headers the request carries
 * (next.config.mjs keeps Next from rewriting it).
 */
export async function proxy(req: NextRequest) {
  const config = env();
  const { pathname, search } = req.nextUrl;

  // Next fails on a path segment that does not decode (`%E0%A4%A`) when it matches a dynamic
  // route, with a bare 500: answer it here. API paths and prefetches reach the proxy only when
  // their path holds a `%`, for this check alone.
  if (!decodes(pathname)) return malformedPath(req);
  const prefetch = req.headers.has("next-router-prefetch") || req.headers.get("purpose") === "prefetch";
  if (pathname.startsWith("/api/") || prefetch) return NextResponse.next();

  if (!PUBLIC_PAGES.has(pathname)) {
    const claims = sessionClaims(await getToken({ req, secret: config.authSecret, secureCookie: config.appUrl.startsWith("https://") }));
    if (!claims || !isWithinLifetime(claims)) {
      const signIn = new URL("/signin", config.appUrl);
      signIn.searchParams.set("callbackUrl", pathname + search);
      const redirect = NextResponse.redirect(signIn);
      redirect.headers.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
      return redirect;
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    imageOrigins: githubImageOrigins(config.githubUrl, config.githubApiUrl),
    signInOrigin: new URL(config.githubUrl).origin,
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // Signed: pages read the path only when it came from here (lib/auth/request-path.ts).
  for (const [name, value] of signedPathHeaders(pathname, config.authSecret)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** API calls get Grantdesk's JSON 400; pages the not-found page (no route holds such a path). */
function malformedPath(req: NextRequest): NextResponse {
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "path: a segment is not valid percent-encoded UTF-8" } },
      { status: 400, headers: { "cache-control": "no-store", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" } },
    );
  }
  return NextResponse.rewrite(new URL("/_malformed-path", req.url));
}

export const config = {
  matcher: [
    // Only API paths and prefetches with a percent sign: every other API call and prefetch skips
    // the proxy entirely.
    "/api/:path(.*%.*)",
    "/((?!api/|_next/static|_next/image|favicon.ico).*%.*)",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
