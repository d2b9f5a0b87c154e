import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "./parse-link-header";

const base = "https://api.github.com/organizations/42/personal-access-tokens";

describe("parseLinkHeader", () => {
  it("reads next and last from a middle page", () => {
    const header =
      `<${base}?per_page=30&page=1>; rel="first", <${base}?per_page=30&page=2>; rel="prev", ` +
      `<${base}?per_page=30&page=4>; rel="next", <${base}?per_page=30&page=40>; rel="last"`;
    expect(parseLinkHeader(header, { page: 3, perPage: 30 })).toEqual({ page: 3, perPage: 30, hasNextPage: true, lastPage: 40 });
  });

  it("takes the current page as the last one when there is no next (GitHub omits rel=last there)", () => {
    const header = `<${base}?page=1>; rel="first", <${base}?page=39>; rel="prev"`;
    expect(parseLinkHeader(header, { page: 40, perPage: 30 })).toEqual({ page: 40, perPage: 30, hasNextPage: false, lastPage: 40 });
  });

  it("treats a missing header as a single page", () => {
    expect(parseLinkHeader(undefined, { page: 1, perPage: 30 })).toEqual({ page: 1, perPage: 30, hasNextPage: false, lastPage: 1 });
    expect(parseLinkHeader("", { page: 1, perPage: 100 })).toEqual({ page: 1, perPage: 100, hasNextPage: false, lastPage: 1 });
  });

  it("keeps lastPage unknown when there is a next page but no last link", () => {
    expect(parseLinkHeader(`<${base}?page=2>; rel="next"`, { page: 1, perPage: 30 })).toEqual({
      page: 1,
      perPage: 30,
      hasNextPage: true,
      lastPage: null,
    });
  });

  it("copes with unquoted, multi-valued and oddly spaced rels, and commas inside URLs", () => {
    const header = `<${base}?owner[]=a,b&page=2>;rel=next,<${base}?page=9>; rel="last  somethingelse"`;
    expect(parseLinkHeader(header, { page: 1, perPage: 30 })).toEqual({ page: 1, perPage: 30, hasNextPage: true, lastPage: 9 });
  });
});
