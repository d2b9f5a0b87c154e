"use client";

import { postToNextAuth } from "./post-to-next-auth";

const className =
  "rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * A plain form post to next-auth's sign-out endpoint, so it works from the first paint (before
 * React hydrates) and without JavaScript. Without a CSRF token to post, it falls back to the
 * client-side post, which fetches one first.
 */
export function SignOutButton({ csrfToken }: { csrfToken: string | null }) {
  if (!csrfToken) {
    return (
      <button type="button" onClick={() => void postToNextAuth("signout", "/signin")} className={className}>
        Sign out
      </button>
    );
  }
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/signin" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
