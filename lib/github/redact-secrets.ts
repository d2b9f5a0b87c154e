import "server-only";

// GitHub's messages and low-level error texts are shown to people and written to logs; anything
// shaped like a credential is cut out first, whatever its source.
const SECRET_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})/g,
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  // "token …" / "bearer …" followed by something credential-like (long, with a digit), not prose.
  /\b(bearer|token)\s+(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{20,}/gi,
  /\b(client_secret|access_token|private_key)=[^&\s]+/gi,
];

/** Replaces anything that looks like a token, JWT, private key or secret with "[REDACTED]". */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, "[REDACTED]"), text);
}
