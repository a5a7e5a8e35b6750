import { parseReport } from "../src/ingest/index.ts";
const n = Number(process.argv[2]);
const s = "2023年上街区政府工作报告\n\n各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n\n" + "全区地区生产总值完成185.6亿元，增长4.2%。各项事业全面发展，人民生活持续改善。\n\n".repeat(n);
const t = Date.now();
parseReport({ bytes: new TextEncoder().encode(s), path: "d.txt" });
console.log(n, Date.now() - t, "ms");
