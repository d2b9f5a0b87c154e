// The HTML of the OAuth sign-in flow: a page to choose who signs in, and GitHub-like error pages.
// Plain, self-contained markup (no scripts, inline styles) that reads well with a screen reader.

import { escapeHtml, page } from "../html";

export interface SignInChoice {
  login: string;
  name: string | null;
  avatarUrl: string;
  /** e.g. "owner of acme, globex · member of initech" */
  label: string;
}

export function authorizePage(appName: string, choices: SignInChoice[], hidden: Record<string, string>): string {
  const hiddenInputs = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const items = choices
    .map((choice) => {
      const roleId = `role-${escapeHtml(choice.login)}`;
      return `<li>
  <img src="${escapeHtml(choice.avatarUrl)}" alt="" width="40" height="40">
  <span class="who"><strong>${escapeHtml(choice.name ?? choice.login)}</strong><span class="role" id="${roleId}">@${escapeHtml(choice.login)} · ${escapeHtml(choice.label)}</span></span>
  <button type="submit" name="login" value="${escapeHtml(choice.login)}" aria-describedby="${roleId}">Sign in as ${escapeHtml(choice.login)}</button>
</li>`;
    })
    .join("\n");
  return page(
    `Sign in to ${appName}`,
    `<h1>Sign in to ${escapeHtml(appName)}</h1>
<p>Choose the GitHub account to continue as. <span class="note">This is fake-github, Grantdesk's stand-in for GitHub: no password needed.</span></p>
<form method="post" action="/login/oauth/authorize">
${hiddenInputs}
<ul aria-label="Accounts">
${items}
</ul>
<button type="submit" name="cancel" value="1" class="secondary">Cancel</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
