// The ECharts wrapper: starts only with a size, disposes on destroy, and falls back to
// its table when ECharts fails.
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import Chart from "./Chart.svelte";
import type { ChartOption, ChartTable } from "./chart";

const fake = vi.hoisted(() => ({
  init: vi.fn(),
}));
vi.mock("echarts/core", async (original) => ({
  ...(await original<typeof import("echarts/core")>()),
  init: fake.init,
}));

const option: ChartOption = { series: [{ type: "bar", data: [1, -2] }] };
const table: ChartTable = {
  caption: "PV by channel, USD",
  rowHeader: "Channel",
  columns: ["Maker"],
  rows: [
    { label: "Dividends", cells: ["1"] },
    { label: "Cash contributions", cells: ["−2"] },
  ],
};

function withSize(width: number, height: number) {
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
}

afterEach(() => {
  vi.restoreAllMocks();
  fake.init.mockReset();
});

describe("Chart", () => {
  it("always carries its figures in a visually hidden table", () => {
    render(Chart, { option, table, label: "PV by channel", testid: "c" });
    expect(screen.getByRole("img", { name: "PV by channel" })).toBeInTheDocument();
    const fallback = screen.getByTestId("c-table");
    expect(fallback).toHaveClass("visually-hidden");
    expect(fallback).toHaveTextContent("Cash contributions−2");
    // jsdom lays nothing out: ECharts is not started without a size.
    expect(fake.init).not.toHaveBeenCalled();
  });

  it("draws once it has a size and disposes on destroy", () => {
    withSize(400, 220);
    const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
    fake.init.mockReturnValue(chart);
    const { unmount } = render(Chart, { option, table, label: "PV", testid: "c" });
    expect(fake.init).toHaveBeenCalledTimes(1);
    expect(fake.init.mock.calls[0][2]).toEqual({ renderer: "svg" });
    expect(chart.setOption).toHaveBeenCalledWith(option, { notMerge: true });
    unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });

  it("shows the table instead when ECharts fails to start", () => {
    withSize(400, 220);
    fake.init.mockImplementation(() => {
      throw new Error("no canvas");
    });
    render(Chart, { option, table, label: "PV", testid: "c" });
    expect(screen.getByTestId("c-table")).not.toHaveClass("visually-hidden");
  });
});
