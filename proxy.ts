import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { githubImageOrigins, pageContentSecurityPolicy } from "@/lib/security/csp";

// /setup comes before anyone can sign in (there is no GitHub App yet); it guards itself.
const PUBLIC_PAGES = new Set(["/signin", "/setup"]);

/**
 * Runs before every page: sends anonymous visitors to sign-in (remembering where they were
 * going) and gives each response a fresh CSP nonce. Authorization itself happens in the org
 * layout and the API wrapper; this is only the redirect.
 */
export async function proxy(req: NextRequest) {
  const config = env();
  const { pathname, search } = req.nextUrl;

  if (!PUBLIC_PAGES.has(pathname)) {
    const token = await getToken({ req, secret: config.authSecret, secureCookie: config.appUrl.startsWith("https://") });
    if (!token) {
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
  requestHeaders.set("x-grantdesk-pathname", pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
