import type { SetupNotice } from "@/lib/setup/setup-response";

const MESSAGES: Record<SetupNotice, { tone: "ok" | "error"; text: string }> = {
  created: { tone: "ok", text: "GitHub created the app, and Grantdesk now uses its credentials — no restart needed." },
  operator: { tone: "ok", text: "Operator token accepted: this browser may replace the GitHub App for the next hour." },
  bad_owner: { tone: "error", text: "Enter the organization's name (letters, digits and hyphens), or choose your personal account." },
  not_allowed: { tone: "error", text: "Grantdesk already has a GitHub App. Only the operator token (printed in the server's log at start-up) lets you replace it." },
  cross_site: { tone: "error", text: "That request did not come from this page. Start again here." },
  state_mismatch: {
    tone: "error",
    text: "This answer from GitHub does not belong to a setup started in this browser within the last hour, so Grantdesk ignored it. Start again here.",
  },
  no_code: { tone: "error", text: "GitHub sent no code back. Start again here." },
  code_refused: {
    tone: "error",
    text: "GitHub refused the code it sent back: each code works once, within an hour, and this one was already used or has expired. If you just created the app, it is set up already; otherwise start again (and delete the unused app on GitHub).",
  },
  github_failed: {
    tone: "error",
    text: "GitHub did not hand over the app's credentials. Try again in a moment; if GitHub created the app anyway, delete it there first.",
  },
  store_failed: {
    tone: "error",
    text: "Grantdesk could not store the app's credentials in its database, so it does not use them. Delete the new app on GitHub, check the database (DATABASE_URL or DATA_DIR), and start again.",
  },
  bad_token: { tone: "error", text: "That is not the operator token. It is printed in the server's log each time Grantdesk starts." },
};

export function SetupNoticeBanner({ notice }: { notice: SetupNotice }) {
  const { tone, text } = MESSAGES[notice];
  return tone === "error" ? (
    <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {text}
    </p>
  ) : (
    <p role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {text}
    </p>
  );
}
