// The GitHub App's webhook deliveries Grantdesk received (lib/webhooks): one row per delivery id
// (`X-GitHub-Delivery`), so a redelivery of one already handled is a no-op, and the settings page
// can say what arrived last. Only what identifies the delivery and what became of it is kept —
// never the payload. Rows older than 7 days are deleted (lib/webhooks/delivery-store.ts).

import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { DELIVERY_OUTCOMES } from "@/lib/contract/webhooks";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** GitHub's `X-GitHub-Delivery` (a GUID; kept by a redelivery). */
    deliveryId: text("delivery_id").primaryKey(),
    /** `X-GitHub-Event`, and the payload's `action`. */
    event: text("event").notNull(),
    action: text("action"),
    /** The organization it concerns, lower case (null when it names none, e.g. a user account's). */
    org: text("org"),
    installationId: bigint("installation_id", { mode: "number" }),
    receivedAt: time("received_at").notNull().defaultNow(),
    finishedAt: time("finished_at"),
    outcome: text("outcome", { enum: DELIVERY_OUTCOMES }).notNull(),
    /** Why it was ignored or deferred, in words (never payload content). */
    detail: text("detail"),
    /** Times it arrived: a redelivery of one that was deferred is handled again. */
    attempts: integer("attempts").notNull().default(1),
  },
  (table) => [
    check("webhook_deliveries_outcome_check", sql`${table.outcome} in ('processing', 'processed', 'ignored', 'deferred')`),
    index("webhook_deliveries_org_idx").on(table.org, table.receivedAt),
    index("webhook_deliveries_received_idx").on(table.receivedAt),
  ],
);
