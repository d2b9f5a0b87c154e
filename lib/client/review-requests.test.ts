import { afterEach, describe, expect, it, vi } from "vitest";
import { reviewRequests } from "./review-requests";

function sentBody(): unknown {
  const [, init] = vi.mocked(fetch).mock.calls[0]!;
  return JSON.parse(String(init?.body));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("reviewRequests", () => {
  it("posts ids, their token ids, the action and the trimmed reason to the org's review route", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await reviewRequests("acme", { ids: [7, 9], tokenIds: [70, 90], action: "deny", reason: "  read access only  " });
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe("/api/orgs/acme/requests/review");
    expect(sentBody()).toEqual({ ids: [7, 9], tokenIds: [70, 90], action: "deny", reason: "read access only" });
  });

  it("leaves a blank reason out", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await reviewRequests("acme", { ids: [7], tokenIds: [70], action: "approve", reason: "   " });
    expect(sentBody()).toEqual({ ids: [7], tokenIds: [70], action: "approve" });
  });
});
