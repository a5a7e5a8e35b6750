import { describe, expect, it } from "vitest";
import { jsonPieces, streamedBody } from "./streamed-body.ts";

const read = (pieces: Iterable<string>) => new Response(streamedBody(pieces)).text();

describe("streamedBody", () => {
  it("gives the pieces' text, across chunk boundaries", async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `第${i}行,“引号”,😀\r\n`);
    expect(await read(pieces)).toBe(pieces.join(""));
    expect(await read([])).toBe("");
  });
});

describe("jsonPieces", () => {
  it("joins to JSON.stringify of the document", () => {
    const docs = [
      {
        version: 1,
        columns: ["a", "b"],
        reports: [{ t: '报告"一"' }],
        rows: [
          [0, "x", null],
          [1, 2.5, "\u2028"],
        ],
        tail: { u: undefined },
      },
      { rows: [], skipped: undefined, fn: () => 1 },
      { rows: [[undefined]] },
      {},
    ];
    for (const doc of docs) expect([...jsonPieces(doc, "rows")].join("")).toBe(JSON.stringify(doc));
  });
});
