// The HTML of the OAuth sign-in flow: a page to choose who signs in, and GitHub-like error pages.
// Plain, self-contained markup (no scripts, inline styles) that reads well with a screen reader.

export interface SignInChoice {
  login: string;
  name: string | null;
  avatarUrl: string;
  /** e.g. "owner of acme, globex · member of initech" */
  label: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
  p { line-height: 1.5; }
  .note { color: GrayText; font-size: 0.875rem; }
  ul { list-style: none; padding: 0; margin: 1.5rem 0; border: 1px solid GrayText; border-radius: 0.5rem; }
  li { display: flex; align-items: center; gap: 0.75rem; padding: 0.75rem 1rem; }
  li + li { border-top: 1px solid GrayText; }
  img { border-radius: 50%; flex: none; }
  .who { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .who strong { overflow-wrap: anywhere; }
  .role { font-size: 0.875rem; color: GrayText; }
  button { font: inherit; padding: 0.45rem 0.9rem; border-radius: 0.375rem; border: 1px solid #1f6feb; background: #1f6feb; color: #fff; cursor: pointer; }
  button.secondary { background: transparent; color: CanvasText; border-color: GrayText; }
  button:focus-visible { outline: 3px solid #f0883e; outline-offset: 2px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
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
