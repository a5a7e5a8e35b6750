import { describe, expect, it } from "vitest";
import { hitHref, readState, writeState } from "./url-state.ts";

describe("search state in the URL", () => {
  it("round-trips query, filters and sort", () => {
    const state = { q: "营商环境", filters: { region: "上街区", year: "2023" }, sort: "date" as const };
    expect(readState(writeState(state))).toEqual(state);
  });
  it("leaves defaults out of the URL and ignores unknown parameters", () => {
    expect(writeState({ q: "碳", filters: {}, sort: "relevance" }).toString()).toBe("q=%E7%A2%B3");
    expect(readState(new URLSearchParams("q=x&sort=weird&foo=1"))).toEqual({
      q: "x",
      filters: {},
      sort: "relevance",
    });
  });
});

describe("hitHref", () => {
  it("puts the query before the section anchor", () => {
    expect(hitHref("/reports/a/#s-1", "国际陆港")).toBe(
      `/reports/a/?hl=${encodeURIComponent("国际陆港")}#s-1`,
    );
  });
});
