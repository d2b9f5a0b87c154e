import { createHmac, timingSafeEqual } from "node:crypto";

/** The path of the page being rendered, as proxy.ts saw it. */
export const PATHNAME_HEADER = "x-grantdesk-pathname";
const SIGNATURE_HEADER = "x-grantdesk-pathname-signature";

// A key of its own, derived from the session secret: same on every layer and instance.
const keyFor = (secret: string) => createHmac("sha256", secret).update("grantdesk request path").digest();
const signatureOf = (pathname: string, secret: string) => createHmac("sha256", keyFor(secret)).update(pathname).digest("base64url");

/**
 * The two request headers proxy.ts adds for the page it lets through. Server components cannot
 * read the request's path, so the proxy passes it on; it signs it, because requests the proxy
 * does not see (prefetches) arrive with whatever headers the client chose.
 */
export function signedPathHeaders(pathname: string, secret: string): [string, string][] {
  return [
    [PATHNAME_HEADER, pathname],
    [SIGNATURE_HEADER, signatureOf(pathname, secret)],
  ];
}

/** The path proxy.ts passed on, or null when there is none or it was not the proxy's (a client-set header). */
export function trustedPathname(headers: Headers, secret: string): string | null {
  const pathname = headers.get(PATHNAME_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (pathname === null || signature === null) return null;
  const expected = Buffer.from(signatureOf(pathname, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? pathname : null;
}
