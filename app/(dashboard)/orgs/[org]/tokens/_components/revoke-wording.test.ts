import { describe, expect, it } from "vitest";
import { describeRevokeOutcome, listOwners } from "./revoke-wording";

describe("listOwners", () => {
  it("names one owner, or two joined by 'and', once each", () => {
    expect(listOwners(["mona", "mona"])).toBe("mona");
    expect(listOwners(["mona", "hubot", "mona"])).toBe("mona and hubot");
  });

  it("names up to six owners, then counts the others", () => {
    const logins = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    expect(listOwners(logins.slice(0, 6))).toBe("a, b, c, d, e and f");
    expect(listOwners(logins.slice(0, 7))).toBe("a, b, c, d, e, f and 1 other");
    expect(listOwners(logins)).toBe("a, b, c, d, e, f and 3 others");
  });
});

describe("describeRevokeOutcome", () => {
  it("reports what GitHub accepted and what failed", () => {
    expect(describeRevokeOutcome(1, 0)).toBe("Revoked 1 token.");
    expect(describeRevokeOutcome(28, 2)).toBe("Revoked 28 tokens; 2 failed.");
    expect(describeRevokeOutcome(0, 3)).toBe("3 tokens failed.");
  });
});
