// Geometry of a small year/value line chart, computed at build time and rendered as inline SVG by
// ChartSvg.astro: no chart JavaScript reaches the page. Values are read in the magnitude a Chinese
// reader expects (亿元, 万人), so the axis says 亿元 and the ticks say 600, 700, 800.
import { magnitude, trimNumber } from "../shared/format.ts";

export interface ChartPoint {
  year: number;
  value: number;
  valueMax?: number | null;
  /** Readable value for the accessible description (785.6 亿元). */
  text: string;
}

export interface ChartSeriesInput {
  name: string;
  /** CSS class of the line: "result", "target", or a palette slot "s0" … "s7". */
  tone: string;
  /** Targets are drawn as markers only (a target is a point, not a path). */
  line: boolean;
  points: ChartPoint[];
}

export interface ChartInput {
  unit: string;
  series: ChartSeriesInput[];
  width?: number;
  height?: number;
}

export interface PlottedPoint {
  cx: number;
  cy: number;
  /** Top of a target range (6%–6.5%), when there is one. */
  cyMax?: number;
  year: number;
  text: string;
}

export interface PlottedSeries {
  name: string;
  tone: string;
  /** SVG path data, empty when the series is drawn as markers only. */
  d: string;
  points: PlottedPoint[];
}

export interface Tick {
  at: number;
  label: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** The axis unit with its magnitude: 亿元, 万人, %. */
  axisUnit: string;
  series: PlottedSeries[];
  /** The data in words, for <desc>. */
  description: string;
}

const MAX_X_TICKS = 8;
const round = (n: number) => Math.round(n * 10) / 10;

/** A step of 1, 2, 2.5 or 5 × 10^k that cuts `span` into at most about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

/** Tick values covering [min, max] (always including 0, so levels are not exaggerated). */
export function valueTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  const step = niceStep(hi - lo || Math.abs(hi) || 1, count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step / 1e6; i++)
    ticks.push(Number((start + i * step).toPrecision(12)));
  if (ticks.length === 1) ticks.push(Number((start + step).toPrecision(12)));
  return ticks;
}

export function chartGeometry({ unit, series, width = 320, height = 180 }: ChartInput): ChartGeometry {
  const points = series.flatMap((s) => s.points);
  const years = points.map((p) => p.year);
  const values = points.flatMap((p) => (p.valueMax == null ? [p.value] : [p.value, p.valueMax]));
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const ticks = valueTicks(Math.min(...values), Math.max(...values));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const { size, prefix } = magnitude(Math.max(...values.map(Math.abs)), unit);

  // The top leaves a line for the unit (万亿元) above the highest tick's label.
  const plot = { left: 44, top: 24, right: width - 10, bottom: height - 24 };
  const slots = maxYear - minYear + 1;
  const x = (year: number) => round(plot.left + ((year - minYear + 0.5) / slots) * (plot.right - plot.left));
  const y = (value: number) =>
    round(plot.bottom - ((value - lo) / (hi - lo || 1)) * (plot.bottom - plot.top));

  const every = Math.ceil(slots / MAX_X_TICKS);
  const xTicks: Tick[] = [];
  for (let year = minYear; year <= maxYear; year += every) xTicks.push({ at: x(year), label: String(year) });

  const plotted = series.map((s) => {
    const sorted = [...s.points].sort((a, b) => a.year - b.year);
    const pts = sorted.map<PlottedPoint>((p) => ({
      cx: x(p.year),
      cy: y(p.value),
      ...(p.valueMax == null ? {} : { cyMax: y(p.valueMax) }),
      year: p.year,
      text: p.text,
    }));
    // A missing year breaks the line: joining across it would draw a trend no report states.
    const d = s.line
      ? pts
          .map((p, i) => `${i && p.year - (pts[i - 1]?.year ?? 0) === 1 ? "L" : "M"}${p.cx} ${p.cy}`)
          .join(" ")
      : "";
    return { name: s.name, tone: s.tone, d, points: pts };
  });

  const description = series
    .filter((s) => s.points.length)
    .map(
      (s) =>
        `${s.name}：${[...s.points]
          .sort((a, b) => a.year - b.year)
          .map((p) => `${p.year}年 ${p.text}`)
          .join("，")}`,
    )
    .join("；");

  return {
    width,
    height,
    plot,
    xTicks,
    yTicks: ticks.map((t) => ({ at: y(t), label: trimNumber(t / size) })),
    axisUnit: `${prefix}${unit}`,
    series: plotted,
    description: `${description}。`,
  };
}
