// GitHub's naming rules and limits, defined once for the API routes' zod schemas, the pages' URL
// parsers and the layouts. Each rule is a pattern and a message saying what is expected.

/**
 * Organization names: letters, digits and hyphens, not starting with a hyphen, at most 39
 * characters. (GitHub no longer allows a trailing or doubled hyphen, but older names have them.)
 */
export const ORG_NAME = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/,
  message: "must be a GitHub organization name (letters, digits and hyphens, at most 39 characters)",
};

/** User logins; enterprise managed users add `_shortcode`, hence the underscore and extra length. */
export const LOGIN = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
  message: "must be a GitHub login",
};

/** Repository names: letters, digits, '.', '-', '_', up to 100 characters. */
export const REPOSITORY_NAME = {
  pattern: /^[A-Za-z0-9._-]{1,100}$/,
  message: "must be a repository name",
};

export const isOrgName = (value: string) => ORG_NAME.pattern.test(value);
export const isLogin = (value: string) => LOGIN.pattern.test(value);
export const isRepositoryName = (value: string) => REPOSITORY_NAME.pattern.test(value);

/** GitHub's limit on the PAT lists' `owner` filter. */
export const MAX_OWNERS = 10;
/** GitHub's limit on the PAT lists' `token_id` filter. */
export const MAX_TOKEN_IDS_PER_CALL = 50;
/** GitHub's limit on a review's reason; Grantdesk holds a revoke's note to the same. */
export const MAX_REASON_LENGTH = 1024;
/** GitHub's bulk review and revoke endpoints take 1–100 ids per call. */
export const MAX_IDS_PER_CALL = 100;
