import { describe, expect, it } from "vitest";
import { describeBulkAction, describeBulkOutcome, listOwners } from "./bulk-wording";

const requests = { one: "request", other: "requests" };
/** The owner of each of `items` requests, spread round-robin over `members` distinct logins. */
const owners = (items: number, members: number) => Array.from({ length: items }, (_, i) => `member-${i % members}`);

describe("describeBulkAction", () => {
  it("counts requests and distinct members", () => {
    expect(describeBulkAction("Deny", 37, requests, owners(37, 12))).toBe(
      "Deny 37 requests from 12 members",
    );
  });

  it("names the member when there is only one", () => {
    expect(describeBulkAction("Approve", 2, requests, ["mona", "mona"])).toBe("Approve 2 requests from mona");
    expect(describeBulkAction("Approve", 1, requests, ["mona"])).toBe("Approve 1 request from mona");
  });

  it("works for other nouns", () => {
    expect(describeBulkAction("Revoke", 2, { one: "token", other: "tokens" }, ["mona", "hubot"])).toBe(
      "Revoke 2 tokens from 2 members",
    );
  });
});

describe("describeBulkOutcome", () => {
  it("reports what GitHub accepted", () => {
    expect(describeBulkOutcome("Denied", { accepted: 30, skipped: 0, failed: 0 }, requests)).toBe("Denied 30 requests.");
    expect(describeBulkOutcome("Approved", { accepted: 1, skipped: 0, failed: 0 }, requests)).toBe("Approved 1 request.");
  });

  it("reports failures beside acceptances", () => {
    expect(describeBulkOutcome("Denied", { accepted: 28, skipped: 0, failed: 2 }, requests)).toBe("Denied 28 requests; 2 failed.");
  });

  it("reports ids skipped because GitHub no longer listed them", () => {
    expect(describeBulkOutcome("Revoked", { accepted: 9, skipped: 1, failed: 0 }, requests)).toBe("Revoked 9 requests; 1 skipped (already done elsewhere).");
    expect(describeBulkOutcome("Revoked", { accepted: 0, skipped: 2, failed: 0 }, requests)).toBe("2 requests skipped (already done elsewhere).");
    expect(describeBulkOutcome("Denied", { accepted: 0, skipped: 1, failed: 1 }, requests)).toBe("Nothing denied; 1 failed, 1 skipped (already done elsewhere).");
  });

  it("reports total failure without claiming anything was done", () => {
    expect(describeBulkOutcome("Denied", { accepted: 0, skipped: 0, failed: 2 }, requests)).toBe("2 requests failed.");
  });
});

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
