import { parseReport } from "../src/ingest/index.ts";
const enc = (s: string) => new TextEncoder().encode(s);
const good = "2023年上街区政府工作报告\n\n各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n\n一、工作回顾\n\n全区地区生产总值完成185.6亿元，增长4.2%。\n";
const mid = enc(good); const bad = new Uint8Array(mid.length + 2); bad.set(mid.slice(0, 60)); bad.set([0xff, 0xfe], 60); bad.set(mid.slice(60), 62);
const cases: Record<string, Uint8Array> = {
  empty: new Uint8Array(), ws: enc(" \n\t\u3000\n"), png: Uint8Array.from([0x89,0x50,0x4e,0x47,0x0d,0x0a,0x1a,0x0a,0,0,0,13,73,72,68,82]),
  invalid: bad, fm: enc("---\ntitle: x\nregion: 上街区\n\n" + good), furniture: enc("首页 > 政务公开 > 工作报告\n\n【字号：大 中 小】\n\n打印 关闭\n\n豫ICP备05012345号-1\n"),
  fmtype: enc("---\ntitle: x\nyear: abc\nfoo: 1\n---\n" + good),
};
for (const [k, b] of Object.entries(cases)) {
  try { const r = parseReport({ bytes: b, path: `content/reports/${k}.txt` }); console.log(k, "OK", r.warnings, r.digest.sections.length); }
  catch (e) { console.log(k, (e as Error).name, (e as Error).message); }
}
const big = good.repeat(1); let t = Date.now();
const twenty = enc((good.replace(/\n一、[\s\S]*/, "") + "\n\n" + "全区地区生产总值完成185.6亿元，增长4.2%。各项事业全面发展，人民生活持续改善。\n\n".repeat(200000)).slice(0, 20_000_000));
console.log("20MB bytes", twenty.length);
try { const r = parseReport({ bytes: twenty, path: "content/reports/big.txt" }); console.log("20MB OK", r.digest.sections.length, r.digest.stats.length, Date.now() - t, "ms"); } catch (e) { console.log("20MB", (e as Error).message, Date.now() - t); }
