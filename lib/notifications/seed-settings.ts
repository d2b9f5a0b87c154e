import "server-only";
import { z } from "zod";
import { describeZodError } from "@/lib/api/describe-zod-error";
import { ORG_NAME } from "@/lib/contract/github-names";
import type { Database } from "@/lib/db/open-database";
import type { SecretBox } from "@/lib/security/secret-box";
import { slackUrlSchema } from "./settings-input";
import { createChannel, ensureSettings } from "./settings-store";

// NOTIFICATIONS_SEED: notification channels for orgs that have never had notification settings,
// applied when an instance's notifier first runs — how `npm run demo` points acme's and globex's
// notifications at fake-github's Slack and mail sinks, and a way to provision a new deployment.
// An org that has settings (an owner saved them, or an earlier seed) is left alone, so a restart
// neither duplicates nor overwrites anything. Format:
//   {"acme": {"slackUrl": "https://hooks.slack.com/services/…", "emailTo": ["owners@acme.example"]}}
// Email channels use the instance's mail server (SMTP_URL).

const seedSchema = z.record(
  z.string().regex(ORG_NAME.pattern, ORG_NAME.message),
  z.strictObject({ slackUrl: slackUrlSchema.optional(), emailTo: z.array(z.email()).min(1).max(20).optional() }),
);

export async function seedNotificationSettings(database: Database, seed: string | undefined, box: SecretBox, now = new Date()): Promise<string[]> {
  if (!seed) return [];
  let parsed: z.output<typeof seedSchema>;
  try {
    const result = seedSchema.safeParse(JSON.parse(seed));
    if (!result.success) throw new Error(describeZodError(result.error, "NOTIFICATIONS_SEED"));
    parsed = result.data;
  } catch (error) {
    console.warn(`[notifications] NOTIFICATIONS_SEED ignored: ${error instanceof SyntaxError ? "not valid JSON" : error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const seeded: string[] = [];
  for (const [name, channels] of Object.entries(parsed)) {
    const org = name.toLowerCase();
    // Only the instance whose insert created the settings row seeds the org's channels.
    if (!(await ensureSettings(database, org, null, now))) continue;
    const options = { box, instanceSmtp: true, actor: null, now };
    if (channels.slackUrl) await createChannel(database, org, { kind: "slack", name: "Slack", url: channels.slackUrl }, options);
    if (channels.emailTo) await createChannel(database, org, { kind: "email", name: "Email", recipients: channels.emailTo, smtp: { mode: "instance" } }, options);
    seeded.push(org);
  }
  return seeded;
}
