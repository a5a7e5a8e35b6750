import { describe, expect, it } from "vitest";
import { chartGeometry, niceStep, valueTicks } from "./chart.ts";

describe("ticks", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(800, 4)).toBe(200);
    expect(niceStep(9, 4)).toBe(2.5);
    expect(niceStep(0.6, 4)).toBeCloseTo(0.2);
  });

  it("covers the values and zero", () => {
    expect(valueTicks(300e8, 785.6e8)).toEqual([0, 200e8, 400e8, 600e8, 800e8]);
    expect(valueTicks(-2.5, 6.5)).toEqual([-2.5, 0, 2.5, 5, 7.5]);
    expect(valueTicks(5, 5).length).toBeGreaterThan(1);
  });
});

describe("chartGeometry", () => {
  const geometry = chartGeometry({
    unit: "元",
    series: [
      {
        name: "实绩",
        tone: "result",
        line: true,
        points: [
          { year: 2022, value: 785.6e8, text: "785.6 亿元" },
          { year: 2020, value: 600e8, text: "600 亿元" },
        ],
      },
      {
        name: "目标",
        tone: "target",
        line: false,
        points: [{ year: 2023, value: 820e8, valueMax: 830e8, text: "820 亿元–830 亿元" }],
      },
    ],
  });

  it("reads the axis in the magnitude of the values", () => {
    expect(geometry.axisUnit).toBe("亿元");
    expect(geometry.yTicks.map((t) => t.label)).toEqual(["0", "250", "500", "750", "1000"]);
  });

  it("places years left to right and larger values higher", () => {
    expect(geometry.xTicks.map((t) => t.label)).toEqual(["2020", "2021", "2022", "2023"]);
    const [result, target] = geometry.series;
    const [p2020, p2022] = result?.points ?? [];
    expect(p2020 && p2022 && p2020.cx < p2022.cx && p2020.cy > p2022.cy).toBe(true);
    // 2021 is missing: two separate points, no line across the gap.
    expect(result?.d).toMatch(/^M[\d.]+ [\d.]+ M[\d.]+ [\d.]+$/);
    // Targets are markers, with the range's upper end above the lower.
    expect(target?.d).toBe("");
    const t = target?.points[0];
    expect(t?.cyMax !== undefined && t.cyMax < t.cy).toBe(true);
  });

  it("keeps every point inside the plot", () => {
    const { plot } = geometry;
    for (const p of geometry.series.flatMap((s) => s.points)) {
      expect(p.cx).toBeGreaterThanOrEqual(plot.left);
      expect(p.cx).toBeLessThanOrEqual(plot.right);
      expect(p.cy).toBeGreaterThanOrEqual(plot.top);
      expect(p.cy).toBeLessThanOrEqual(plot.bottom);
    }
  });

  it("describes the data in words, years in order", () => {
    expect(geometry.description).toBe(
      "实绩：2020年 600 亿元，2022年 785.6 亿元；目标：2023年 820 亿元–830 亿元。",
    );
  });

  it("centres a single year and handles negative growth", () => {
    const one = chartGeometry({
      unit: "%",
      series: [
        { name: "增速", tone: "result", line: true, points: [{ year: 2022, value: -1.5, text: "-1.5%" }] },
      ],
    });
    expect(one.series[0]?.points[0]?.cx).toBeCloseTo((one.plot.left + one.plot.right) / 2, 0);
    expect(one.axisUnit).toBe("%");
    expect(one.yTicks.some((t) => t.label === "0")).toBe(true);
    expect(one.series[0]?.d).toMatch(/^M[\d.]+ [\d.]+$/);
  });

  it("joins consecutive years with a line", () => {
    const points = [2019, 2020, 2021].map((year) => ({ year, value: year - 2000, text: "" }));
    const g = chartGeometry({ unit: "%", series: [{ name: "x", tone: "s0", line: true, points }] });
    expect(g.series[0]?.d).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it("thins year labels on long series", () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ year: 1990 + i, value: i, text: String(i) }));
    const long = chartGeometry({ unit: "%", series: [{ name: "x", tone: "s0", line: true, points }] });
    expect(long.xTicks.length).toBeLessThanOrEqual(8);
  });
});
