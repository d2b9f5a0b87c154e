/**
 * True when a state-changing request comes from Grantdesk's own pages. Browsers send
 * Sec-Fetch-Site on every fetch and Origin on every POST; a request carrying neither is not
 * from a browser page of ours, so it is refused too.
 */
export function isSameOriginRequest(headers: Headers, appUrl: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin !== null) return origin === new URL(appUrl).origin;
  return fetchSite === "same-origin";
}
