// Registering a GitHub App from a manifest (GitHub docs: "Registering a GitHub App from a
// manifest"): the manifest's fields, checked like GitHub checks them, and the app they make.

import { createPrivateKey, createPublicKey } from "node:crypto";
import { z } from "zod";
import { hookIdOf, newClientId, newSecret, slugify, type GitHubApp } from "./apps";

const httpUrl = z.string().refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "must be an http(s) URL");

export const manifestSchema = z.object({
  name: z.string().trim().min(1).max(34).optional(),
  url: httpUrl,
  hook_attributes: z.object({ url: httpUrl, active: z.boolean().optional() }).optional(),
  redirect_url: httpUrl.optional(),
  callback_urls: z.array(httpUrl).max(10).optional(),
  setup_url: httpUrl.optional(),
  description: z.string().max(1024).optional(),
  public: z.boolean().optional(),
  default_events: z.array(z.string().regex(/^[a-z_]+$/)).max(100).optional(),
  default_permissions: z.record(z.string().regex(/^[a-z_]+$/), z.enum(["read", "write", "admin"])).optional(),
  request_oauth_on_install: z.boolean().optional(),
  setup_on_update: z.boolean().optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The manifest in a form field, or what is wrong with it (GitHub shows such errors on its page). */
export function parseManifest(text: string | undefined): { ok: true; manifest: Manifest } | { ok: false; error: string } {
  if (!text) return { ok: false, error: "The manifest is missing: post it as the form field manifest." };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: "The manifest is not valid JSON." };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `The manifest's ${issue.path.join(".") || "body"} ${issue.message}.` };
  }
  return { ok: true, manifest: parsed.data };
}

/** GitHub's rule: app names are at most 34 characters and unique (by slug) across GitHub. */
export function checkAppName(name: string, slugTaken: (slug: string) => boolean): string | null {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 34) return "The name must be 1 to 34 characters.";
  const slug = slugify(trimmed);
  if (slug === "") return "The name needs at least one letter or digit.";
  if (slugTaken(slug)) return `Name "${trimmed}" is already in use.`;
  return null;
}

export function appFromManifest(manifest: Manifest, input: { id: number; name: string; owner: GitHubApp["owner"]; pem: string; now: number }): GitHubApp {
  const hookUrl = manifest.hook_attributes?.url ?? null;
  return {
    id: input.id,
    slug: slugify(input.name),
    name: input.name.trim(),
    description: manifest.description ?? "",
    externalUrl: manifest.url,
    owner: input.owner,
    clientId: newClientId(),
    clientSecret: newSecret(),
    publicKey: createPublicKey(createPrivateKey(input.pem)),
    permissions: { ...manifest.default_permissions },
    events: [...(manifest.default_events ?? [])],
    callbackUrls: [...(manifest.callback_urls ?? [])],
    redirectUrl: manifest.redirect_url ?? null,
    setupUrl: manifest.setup_url ?? null,
    setupOnUpdate: manifest.setup_on_update ?? false,
    requestOauthOnInstall: manifest.request_oauth_on_install ?? false,
    public: manifest.public ?? false,
    // GitHub makes a webhook secret for a manifest app with a webhook.
    hook: { url: hookUrl, secret: hookUrl ? newSecret() : null, active: hookUrl !== null && (manifest.hook_attributes?.active ?? true) },
    hookId: hookIdOf(input.id),
    createdAt: input.now,
    updatedAt: input.now,
  };
}
