import { afterEach, describe, expect, it, vi } from "vitest";
import { postBulkAction } from "./post-bulk-action";

function sent(): { url: string; method: string | undefined; body: unknown } {
  const [url, init] = vi.mocked(fetch).mock.calls[0]!;
  return { url: String(url), method: init?.method, body: JSON.parse(String(init?.body)) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("postBulkAction", () => {
  it("posts a review's ids, the action and the trimmed reason to the org's review route", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await postBulkAction("acme", "requests", { ids: [7, 9], action: "deny", note: "  read access only  " });
    expect(sent()).toEqual({
      url: "/api/orgs/acme/requests/review",
      method: "POST",
      body: { ids: [7, 9], action: "deny", reason: "read access only" },
    });
  });

  it("posts a revoke's grant ids and the trimmed note to the org's revoke route", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await postBulkAction("acme", "tokens", { ids: [12, 13], action: "revoke", note: "  unused since the migration  " });
    expect(sent()).toEqual({ url: "/api/orgs/acme/tokens/revoke", method: "POST", body: { ids: [12, 13], note: "unused since the migration" } });
  });

  it("leaves a blank reason or note out", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await postBulkAction("acme", "requests", { ids: [7], action: "approve", note: " \n " });
    expect(sent().body).toEqual({ ids: [7], action: "approve" });
  });
});
