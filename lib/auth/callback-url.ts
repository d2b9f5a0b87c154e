/**
 * Where to send a user after sign-in: only a path on this site. Anything else (another origin,
 * a protocol-relative `//host`, a backslash trick) falls back to the home page.
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return "/";
  try {
    const url = new URL(candidate, "http://grantdesk.invalid");
    if (url.origin !== "http://grantdesk.invalid") return "/";
    if (url.pathname === "/signin") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
