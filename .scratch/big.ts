import { parseReport } from "../src/ingest/index.ts";
const mb = Number(process.argv[2]);
const head = "2023年上街区政府工作报告\n\n各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n\n";
let s = head; let i = 0;
const H = "发展经济建设推进改革开放创新驱动产业升级民生保障城乡融合生态文明数字政府财政收入投资消费就业";
while (s.length * 3 < mb * 1e6) {
  i++;
  if (i % 50 === 0) s += `${"一二三四五六七八九十"[Math.floor(i / 50) % 10]}、${H.slice(i % 20, (i % 20) + 6)}工作第${i}项\n\n`;
  s += `第${i}项：全区${H.slice(i % 30, (i % 30) + 4)}完成${(i * 7.3).toFixed(1)}亿元，增长${(i % 13) + 0.5}%。${H.slice(i % 25, (i % 25) + 8)}持续推进，新增${i * 3}户。\n\n`;
}
const bytes = new TextEncoder().encode(s);
const t = Date.now();
const r = parseReport({ bytes, path: "big.txt" });
console.log(mb, "MB", bytes.length, "sections", r.digest.sections.length, "stats", r.digest.stats.length, Date.now() - t, "ms");
