import { describe, expect, it } from "vitest";
import { describePage, resolvePageCount } from "./page-count";

describe("resolvePageCount", () => {
  it("uses the last page GitHub linked to", () => {
    expect(resolvePageCount(2, { hasNextPage: true, lastPage: 12 })).toBe(12);
  });

  it("knows the current page is the last when there is no next page", () => {
    expect(resolvePageCount(12, { hasNextPage: false, lastPage: null })).toBe(12);
  });

  it("is unknown when there is a next page but no last link", () => {
    expect(resolvePageCount(3, { hasNextPage: true, lastPage: null })).toBeNull();
  });

  it("never reports fewer pages than the one being shown", () => {
    expect(resolvePageCount(5, { hasNextPage: false, lastPage: 3 })).toBe(5);
  });
});

describe("describePage", () => {
  it("says page x of y, or page x when y is unknown", () => {
    expect(describePage(3, 12)).toBe("Page 3 of 12");
    expect(describePage(3, null)).toBe("Page 3");
  });
});
