import { describe, expect, it } from "vitest";
import { auditExportQuerySchema, auditQuerySchema } from "./input-schemas";

describe("the audit routes' query", () => {
  it("reads a date-only `to` as that whole day (UTC), and a time as that instant", () => {
    expect(auditQuerySchema.parse({ from: "2026-01-01", to: "2026-01-31" }).filters).toMatchObject({
      from: new Date("2026-01-01T00:00:00Z"),
      before: new Date("2026-02-01T00:00:00Z"),
    });
    expect(auditQuerySchema.parse({ to: "2026-01-31T12:00:00Z" }).filters.before).toEqual(new Date("2026-01-31T12:00:00.001Z"));
  });

  it("takes repeated or comma-separated logins, actions and outcomes, and a page", () => {
    expect(auditQuerySchema.parse({ actor: ["mona", "octocat"], owner: "hubot,alice", action: "deny,revoke", outcome: ["failed", "unknown"], page: "2", per_page: "100" })).toEqual({
      filters: {
        actor: ["mona", "octocat"],
        owner: ["hubot", "alice"],
        action: ["deny", "revoke"],
        outcome: ["failed", "unknown"],
        from: undefined,
        before: undefined,
        batch: undefined,
        target: undefined,
      },
      page: 2,
      perPage: 100,
    });
  });

  it("leaves out empty filters and normalises a batch id", () => {
    const { filters } = auditQuerySchema.parse({ actor: "", batch: "5B0F3C59-62A3-4C36-9A0E-3F1D2B6C7A01", target: "1000001" });
    expect(filters).toMatchObject({ actor: undefined, batch: "5b0f3c59-62a3-4c36-9a0e-3f1d2b6c7a01", target: 1000001 });
  });

  it("exports with the same filters but no paging", () => {
    expect(auditExportQuerySchema.parse({ format: "jsonl", actor: "mona" })).toMatchObject({ format: "jsonl", filters: { actor: ["mona"] } });
    expect(auditExportQuerySchema.safeParse({ format: "csv", page: "2" }).success).toBe(false);
  });
});
