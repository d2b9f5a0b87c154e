import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { patListApiSearchParams } from "./pat-list";
import { loadTokensSearchParams, parseAsMarkedSignal } from "./tokens";

const load = (query: string) => loadTokensSearchParams(new URLSearchParams(query));
const loadSignal = createLoader({ signal: parseAsMarkedSignal });

describe("tokens search params", () => {
  it("reads the list filters and the open token, from ?token=", () => {
    expect(load("owner=mona&last_used_before=2024-12-12&token=1200042")).toMatchObject({
      owner: ["mona"],
      lastUsedBefore: new Date("2024-12-12T00:00:00Z"),
      open: 1200042,
    });
  });

  it("reads a per-row view's signal, and ignores one that is not (unused is a filter) and a bad token id", () => {
    expect(loadSignal(new URLSearchParams("signal=never-used"))).toEqual({ signal: "never-used" });
    expect(loadSignal(new URLSearchParams("signal=unused"))).toEqual({ signal: null });
    expect(loadSignal(new URLSearchParams("signal=expired%20"))).toEqual({ signal: null });
    expect(load("token=0")).toMatchObject({ open: null });
  });

  it("keeps the panel and the marked signal out of GitHub's query", () => {
    const query = patListApiSearchParams(load("token=7&signal=expired&last_used_before=2024-12-12"));
    expect([...query.keys()]).toEqual(["last_used_before", "direction", "page", "per_page"]);
  });
});
