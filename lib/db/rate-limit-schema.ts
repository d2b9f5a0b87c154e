// Per-user request counters of the API's rate limits (lib/security/user-rate-limit.ts), shared by
// every instance: the table rate-limiter-flexible's Drizzle store reads and upserts, one row per
// user and kind of call for the current window.

import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimits = pgTable(
  "rate_limits",
  {
    /** `reads:1001`: the limit's name and the GitHub user id. */
    key: text("key").primaryKey(),
    /** Calls counted in the current window. */
    points: integer("points").notNull().default(0),
    /** When the window ends (the row is then counted afresh, and pruned an hour later). */
    expire: timestamp("expire", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("rate_limits_expire_idx").on(table.expire)],
);
