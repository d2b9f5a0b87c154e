interface CspOptions {
  nonce: string;
  /** Development needs 'unsafe-eval' for React's error overlays; production never gets it. */
  development: boolean;
  /** Origins avatars are served from besides GitHub's CDN (a GHE.com tenant, fake-github). */
  imageOrigins: string[];
  /** GitHub's web origin: the sign-in form's post is redirected there (form-action covers redirects). */
  signInOrigin: string;
}

/** The Content-Security-Policy for rendered pages: scripts only with this response's nonce. */
export function pageContentSecurityPolicy({ nonce, development, imageOrigins, signInOrigin }: CspOptions): string {
  const images = ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com", ...new Set(imageOrigins)];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Sticky table columns and positioned popovers and tooltips set inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${signInOrigin}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Origins of the configured GitHub web and API URLs (avatars of a GHE.com tenant or fake-github). */
export function githubImageOrigins(githubUrl: string, githubApiUrl: string): string[] {
  return [githubUrl, githubApiUrl].map((url) => new URL(url).origin).filter((origin) => origin !== "https://github.com" && origin !== "https://api.github.com");
}
