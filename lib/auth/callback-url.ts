/**
 * Where to send a user after sign-in: only a path on this site. Anything else (another origin,
 * a protocol-relative `//host`, a backslash trick) falls back to the home page.
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return "/";
  // Control characters have no place in a URL we redirect to (a CR/LF would split the header).
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return "/";
  try {
    const url = new URL(candidate, "http://grantdesk.invalid");
    if (url.origin !== "http://grantdesk.invalid") return "/";
    if (url.pathname === "/signin") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}

/**
 * next-auth's `redirect` callback on the same rule: `url` may be a path or an absolute URL on
 * `baseUrl` (APP_URL); the answer is always `baseUrl` plus a safe path, never an error, whatever
 * the query or a stale `next-auth.callback-url` cookie held.
 */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  let path = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === new URL(base).origin ? parsed.pathname + parsed.search + parsed.hash : "/";
    } catch {
      path = "/";
    }
  }
  return `${base}${safeCallbackPath(path)}`;
}
