/** GitHub's rule for organization and user logins: 1–39 alphanumerics or single inner hyphens. */
export const ORG_LOGIN_PATTERN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

export function isOrgLogin(value: string): boolean {
  return ORG_LOGIN_PATTERN.test(value);
}
