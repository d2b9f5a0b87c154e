// The index's unfiltered fast path (a cached list of live records, rebuilt when a record is added
// or touched) must page exactly like a plain pass over every record, in both directions.

import { describe, expect, it } from "vitest";
import { buildWorld } from "./generate-world";
import { revokeGrant } from "./world";

describe("PatIndex.page without filters", () => {
  it("matches a pass over all records, before and after records stop being live", () => {
    const world = buildWorld({ seed: 4, requests: 10, tokens: 537, now: Date.parse("2026-11-23T12:00:00Z") });
    const org = world.orgByLogin.get("acme")!;
    const expected = (direction: "asc" | "desc", offset: number, limit: number) => {
      const live = org.grants.all().filter((grant) => grant.status === "active");
      const ordered = direction === "asc" ? live : [...live].reverse();
      return { total: live.length, ids: ordered.slice(offset, offset + limit).map((grant) => grant.id) };
    };
    const check = () => {
      for (const direction of ["asc", "desc"] as const) {
        for (const [offset, limit] of [[0, 100], [100, 100], [500, 100], [530, 30], [600, 100]] as const) {
          const page = org.grants.page({ direction }, offset, limit);
          expect({ total: page.total, ids: page.items.map((grant) => grant.id) }).toEqual(expected(direction, offset, limit));
        }
      }
    };
    check();
    for (const grant of org.grants.all().filter((_, i) => i % 7 === 0)) revokeGrant(org, grant, Date.now());
    check();
    expect(org.grants.page({ direction: "desc" }, 0, 100).total).toBe(537 - Math.ceil(537 / 7));
  });
});
