import { describe, expect, it } from "vitest";
import { devErrorPage, problemsOf } from "./dev-error-page.ts";

describe("dev error page", () => {
  const problems = [
    {
      file: "content/reports/good.txt",
      message: "content/reports/good.txt:1: front matter opened with --- is never closed",
    },
    {
      file: "content/reports/<b>x.mdx",
      message: "content/reports/<b>x.mdx:3: <script>alert(1)</script>",
    },
  ];

  it("belongs to the page of the report whose source (or ejected body) has the problem", () => {
    expect(problemsOf(problems, "good")).toEqual([problems[0]]);
    expect(problemsOf(problems, "b-x")).toEqual([problems[1]]);
    expect(problemsOf(problems, "other")).toEqual([]);
  });

  it("names file and line, says what to do, and shows report text only as text", () => {
    const html = devErrorPage(problems);
    expect(html).toContain("content/reports/good.txt:1: front matter opened with --- is never closed");
    expect(html).toContain("修正");
    expect(html).toContain("不必重启");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>x");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
  });
});
