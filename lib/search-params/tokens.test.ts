import { describe, expect, it } from "vitest";
import { patListApiSearchParams } from "./pat-list";
import { loadTokensSearchParams } from "./tokens";

const load = (query: string) => loadTokensSearchParams(new URLSearchParams(query));

describe("tokens search params", () => {
  it("reads the list filters and the open token, from ?token=", () => {
    expect(load("owner=mona&last_used_before=2024-12-12&token=1200042&signal=never-used&signal=elevated")).toMatchObject({
      owner: ["mona"],
      lastUsedBefore: new Date("2024-12-12T00:00:00Z"),
      signal: ["never-used", "elevated"],
      open: 1200042,
    });
  });

  it("ignores an unknown signal and a bad token id", () => {
    expect(load("signal=unused&signal=expired%20&token=0")).toMatchObject({ signal: [], open: null });
  });

  it("keeps the panel out of the API's query", () => {
    const query = patListApiSearchParams(load("token=7&signal=expired&last_used_before=2024-12-12"));
    expect([...query.keys()]).toEqual(["last_used_before", "signal", "sort", "direction", "page", "per_page"]);
  });
});
