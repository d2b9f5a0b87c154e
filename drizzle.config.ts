// drizzle-kit: `npx drizzle-kit generate --name <what-changed>` turns changes to lib/db/schema.ts
// into a new versioned SQL migration in lib/db/migrations (commit it); the app applies pending
// migrations itself at start-up (lib/db/migrate-database.ts).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
