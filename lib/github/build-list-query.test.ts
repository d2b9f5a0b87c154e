import { describe, expect, it } from "vitest";
import { buildListQuery, buildPageQuery } from "./build-list-query";

describe("buildListQuery", () => {
  it("sends the page defaults when nothing is set", () => {
    expect(buildListQuery({})).toBe("per_page=30&page=1");
  });

  it("repeats array filters with [] as GitHub reads them, never comma-joined", () => {
    expect(buildListQuery({ owner: ["mona", "octocat"], tokenId: [7, 8, 9] })).toBe(
      "per_page=30&page=1&owner[]=mona&owner[]=octocat&token_id[]=7&token_id[]=8&token_id[]=9",
    );
  });

  it("serializes every filter under GitHub's name and encodes values", () => {
    expect(
      buildListQuery({
        page: 3,
        perPage: 100,
        direction: "asc",
        owner: ["hubot"],
        repository: "web.site",
        permission: "issues_write",
        lastUsedBefore: "2025-01-31T12:00:00+02:00",
        lastUsedAfter: "2024-06-01",
      }),
    ).toBe(
      "per_page=100&page=3&direction=asc&owner[]=hubot&repository=web.site&permission=issues_write" +
        "&last_used_before=2025-01-31T12%3A00%3A00%2B02%3A00&last_used_after=2024-06-01",
    );
  });

  it("leaves out empty arrays", () => {
    expect(buildListQuery({ owner: [], tokenId: [] })).toBe("per_page=30&page=1");
  });
});

describe("buildPageQuery", () => {
  it("carries only the page and its size", () => {
    expect(buildPageQuery({ page: 2, perPage: 50 })).toBe("per_page=50&page=2");
    expect(buildPageQuery({})).toBe("per_page=30&page=1");
  });
});
