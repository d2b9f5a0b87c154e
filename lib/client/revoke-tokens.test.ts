import { afterEach, describe, expect, it, vi } from "vitest";
import { revokeTokens } from "./revoke-tokens";

function sentBody(): unknown {
  const [, init] = vi.mocked(fetch).mock.calls[0]!;
  return JSON.parse(String(init?.body));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("revokeTokens", () => {
  it("posts grant ids, their token ids and the trimmed note to the org's revoke route", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await revokeTokens("acme", { ids: [12, 13], tokenIds: [52, 53], note: "  unused since the migration  " });
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe("/api/orgs/acme/tokens/revoke");
    expect(vi.mocked(fetch).mock.calls[0]![1]?.method).toBe("POST");
    expect(sentBody()).toEqual({ ids: [12, 13], tokenIds: [52, 53], note: "unused since the migration" });
  });

  it("leaves a blank note out", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ results: [], accepted: 0, failed: 0 })));
    await revokeTokens("acme", { ids: [12], tokenIds: [52], note: " \n " });
    expect(sentBody()).toEqual({ ids: [12], tokenIds: [52] });
  });
});
