import "server-only";
import { z } from "zod";
import { ORG_NAME } from "@/lib/contract/github-names";

// The parts of GitHub's webhook payloads Grantdesk reads (GitHub's schemas:
// @octokit/openapi-webhooks), checked with zod after the signature: a delivery signed with the
// right secret but shaped otherwise is refused (400) rather than half applied. Fields Grantdesk
// does not read are not required, so GitHub adding or dropping one changes nothing.

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const organization = z.object({
  login: z.string().regex(ORG_NAME.pattern, ORG_NAME.message),
  id,
});

const account = z.object({
  login: z.string().min(1).max(100),
  id,
  avatar_url: z.string().max(2048).default(""),
  type: z.string().optional(),
});

const installation = z.object({
  id,
  app_id: id,
  target_type: z.string(),
  account: account.nullable(),
  suspended_at: z.string().nullable().optional(),
});

/** `personal_access_token_request`: created, approved, denied, cancelled. It carries no `reason`. */
export const patRequestEventSchema = z.object({
  action: z.string().max(64),
  personal_access_token_request: z.object({ id, token_id: id }),
  organization,
});
export type PatRequestEvent = z.infer<typeof patRequestEventSchema>;

/** `installation` (created, deleted, suspend, unsuspend, new_permissions_accepted) and `installation_repositories` (added, removed). */
export const installationEventSchema = z.object({
  action: z.string().max(64),
  installation,
});
export type InstallationEvent = z.infer<typeof installationEventSchema>;

/** Any other event: only its shape as a JSON object with an optional `action` and `organization` is read. */
export const otherEventSchema = z.object({
  action: z.string().max(64).optional(),
  organization: organization.optional(),
  installation: z.object({ id }).optional(),
});

export const WEBHOOK_HEADERS = {
  event: /^[a-z_]{1,64}$/,
  // GitHub's delivery ids are GUIDs; anything else of that sort is accepted, nothing longer.
  delivery: /^[A-Za-z0-9-]{1,64}$/,
};
