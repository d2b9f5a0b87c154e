// Posts a form to one of next-auth's endpoints the way a plain HTML form would, fetching the
// CSRF token next-auth wants first. next-auth/react would do the same for ~10 kB of bundle.

export async function postToNextAuth(action: "signin/github" | "signout", callbackUrl: string): Promise<void> {
  const response = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const form = document.createElement("form");
  form.method = "post";
  form.action = `/api/auth/${action}`;
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}
