// What `astro dev` answers for a report page whose source has a content error (bad front matter,
// undecodable bytes, an ejected body that does not compile): the problems with file and line, and
// what to do, instead of the last good page. Vite's client on the page reloads it once the file
// is fixed. Report text and file names are data: escaped.
import { type ContentProblem, slugOfProblem } from "./generate.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (c) => `&#${c.codePointAt(0)};`);

/** The problems of the report `slug`, if its page should show them. */
export function problemsOf(problems: ContentProblem[], slug: string): ContentProblem[] {
  return problems.filter((p) => slugOfProblem(p) === slug);
}

export function devErrorPage(problems: ContentProblem[]): string {
  const items = problems.map((p) => `<li><code>${escapeHtml(p.message)}</code></li>`).join("\n");
  const files = [...new Set(problems.map((p) => p.file))]
    .map((f) => `<code>${escapeHtml(f)}</code>`)
    .join("、");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容错误 · 报告精读</title>
<script type="module" src="/@vite/client"></script>
<style>
body { font: 16px/1.7 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1c1b19; background: #fbfaf7; }
h1 { font-size: 1.4rem; color: #a4262c; }
code { font-size: 0.95rem; white-space: pre-wrap; word-break: break-all; }
li { margin: 0.5rem 0; }
@media (prefers-color-scheme: dark) { body { color: #e8e6e1; background: #1b1c1e; } h1 { color: #f08a8f; } }
</style>
</head>
<body>
<h1>这篇报告的源文件有错误，页面未能更新</h1>
<ul>
${items}
</ul>
<p>修正 ${files} 中所示的行并保存：此页会自动重新载入，不必重启。其他报告的页面照常可用。</p>
</body>
</html>
`;
}
