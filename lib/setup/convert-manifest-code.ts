import "server-only";
import { createPrivateKey } from "node:crypto";
import { z } from "zod";
import type { StoredApp } from "@/lib/app-credentials/stored-app";
import { GITHUB_API_VERSION } from "@/lib/github/create-github-client";

// `POST /app-manifests/{code}/conversions`: GitHub trades the code it sent back with the browser
// for the new app's credentials. No authentication — the code itself is the credential, valid
// once and for one hour — so it is sent straight to GitHub, outside the app client (there is no
// app yet).

const conversionSchema = z.object({
  id: z.number().int().positive(),
  slug: z.string().min(1),
  name: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
  html_url: z.string().url(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  webhook_secret: z.string().nullable().optional(),
  pem: z.string().min(1),
});

export type ConversionFailure =
  /** GitHub does not know the code: already used, older than an hour, or never issued. */
  | "code_refused"
  /** GitHub failed, could not be reached, or answered something that is not an app. */
  | "github_failed";

export class ConversionError extends Error {
  override name = "ConversionError";
  constructor(readonly failure: ConversionFailure, detail: string) {
    super(detail);
  }
}

export async function convertManifestCode(code: string, { apiUrl, timeoutMs }: { apiUrl: string; timeoutMs: number }): Promise<Omit<StoredApp, "createdAt">> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/app-manifests/${encodeURIComponent(code)}/conversions`, {
      method: "POST",
      headers: { accept: "application/vnd.github+json", "x-github-api-version": GITHUB_API_VERSION, "user-agent": "grantdesk" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ConversionError("github_failed", `GitHub could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404 || response.status === 422) throw new ConversionError("code_refused", `GitHub answered ${response.status} for the code`);
  if (response.status !== 201) throw new ConversionError("github_failed", `GitHub answered ${response.status}`);
  const parsed = conversionSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ConversionError("github_failed", "GitHub's answer is not a GitHub App with its credentials");
  const app = parsed.data;
  try {
    createPrivateKey(app.pem);
  } catch {
    throw new ConversionError("github_failed", "GitHub's answer holds no usable private key");
  }
  return {
    appId: app.id,
    slug: app.slug,
    name: app.name,
    ownerLogin: app.owner.login,
    htmlUrl: app.html_url,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    webhookSecret: app.webhook_secret ?? null,
    privateKey: app.pem.trim() + "\n",
  };
}
