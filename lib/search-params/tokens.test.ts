import { describe, expect, it } from "vitest";
import { patListApiSearchParams } from "./pat-list";
import { loadTokensSearchParams } from "./tokens";

const load = (query: string) => loadTokensSearchParams(new URLSearchParams(query));

describe("tokens search params", () => {
  it("reads the list filters, the open token and the marked signal", () => {
    expect(load("owner=mona&last_used_before=2024-12-12&token=1200042&signal=never-used")).toMatchObject({
      owner: ["mona"],
      lastUsedBefore: new Date("2024-12-12T00:00:00Z"),
      token: 1200042,
      signal: "never-used",
    });
  });

  it("ignores a signal that is not a per-row view (unused is a filter) and a bad token id", () => {
    expect(load("signal=unused&token=0")).toMatchObject({ signal: null, token: null });
    expect(load("signal=expired%20")).toMatchObject({ signal: null });
  });

  it("keeps the panel and the marked signal out of GitHub's query", () => {
    const query = patListApiSearchParams(load("token=7&signal=expired&last_used_before=2024-12-12"));
    expect([...query.keys()]).toEqual(["last_used_before", "direction", "page", "per_page"]);
  });
});
