// ECharts, registered once with only the parts the results pane draws (tree-shaken bundle):
// bar and line series, a grid with axes, tooltips, a legend, and mark lines for the zero
// line (an axis moved onto zero would drag its labels into the plot). SVG keeps text crisp.
import { use, type ComposeOption } from "echarts/core";
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/** The same figures as the chart, as a table: for screen readers, tests, and charts that fail. */
export interface ChartTable {
  caption: string;
  /** Header of the first column (what each row is). */
  rowHeader: string;
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/** Text for a tooltip's HTML: names come from the user. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Neutral chart chrome, matching app.css. */
export const CHART_TEXT = "#5a6472";
export const CHART_GRID = "#e4e7ec";
export const CHART_ZERO = "#1c2330";

/** A dark solid line at zero on the value axis, drawn by the first series. */
export function zeroLine(axis: "xAxis" | "yAxis"): MarkLineComponentOption {
  return {
    silent: true,
    symbol: "none",
    label: { show: false },
    lineStyle: { color: CHART_ZERO, width: 1, type: "solid" },
    data: [{ [axis]: 0 }],
  } as MarkLineComponentOption;
}

/**
 * A copy of an option made of plain arrays and objects, so ECharts never holds Svelte
 * proxies; functions (formatters) are kept as they are, which $state.snapshot would warn about.
 */
export function toPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(toPlain) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)])) as T;
  }
  return value;
}
