// The JV's projection table and chart data, and the JV-level metrics.
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import Projection from "./Projection.svelte";
import JvMetrics from "./JvMetrics.svelte";
import { expectedAmount, expectedPercent, kenya } from "./fixture";

describe("projection", () => {
  it("shows the main rows by year in local currency, negatives with a minus sign", () => {
    const evaluation = kenya();
    const years = evaluation.projection.years;
    render(Projection, { evaluation });
    const table = screen.getByTestId("projection-table");
    const headers = within(table).getAllByRole("columnheader").map((th) => th.textContent?.trim());
    expect(headers).toEqual([`Item (${evaluation.projection.currency})`, ...years.map((y) => String(y.year))]);

    const revenue = within(screen.getByTestId("projection-row-revenue")).getAllByRole("cell");
    expect(revenue.map((td) => td.textContent)).toEqual(years.map((y) => expectedAmount(y.revenue)));
    const ebitda = within(screen.getByTestId("projection-row-ebitda")).getAllByRole("cell");
    expect(ebitda[1].textContent).toBe(expectedAmount(years[1].ebitda));
    // Year 1 of the Kenya plan loses money: shown with a true minus sign.
    expect(Number(years[1].net_income)).toBeLessThan(0);
    const net = within(screen.getByTestId("projection-row-net_income")).getAllByRole("cell");
    expect(net[1].textContent).toMatch(/^−\d{1,3}(,\d{3})*$/);
    for (const cell of within(table).getAllByRole("cell")) {
      expect(cell.textContent).not.toMatch(/NaN|Infinity|undefined|^$|^-/);
    }
  });

  it("gives the chart's figures as an accessible table", () => {
    const evaluation = kenya();
    const last = evaluation.projection.years[evaluation.projection.years.length - 1];
    render(Projection, { evaluation });
    const table = screen.getByTestId("projection-chart-table");
    expect(table).toHaveTextContent(`by year, ${evaluation.projection.currency}`);
    const row = within(table).getByText(String(last.year), { selector: "th" }).closest("tr")!;
    expect(within(row).getAllByRole("cell").map((td) => td.textContent)).toEqual(
      [last.revenue, last.ebitda, last.net_income, last.cash].map(expectedAmount),
    );
  });
});

describe("JV metrics", () => {
  it("shows project and equity IRR, peak funding and the first year of profit", () => {
    const evaluation = kenya();
    const jv = evaluation.jv;
    render(JvMetrics, { evaluation });
    expect(screen.getByTestId("jv-project-irr")).toHaveTextContent(expectedPercent(jv.project_irr!));
    expect(screen.getByTestId("jv-equity-irr")).toHaveTextContent(expectedPercent(jv.equity_irr!));
    expect(screen.getByTestId("jv-peak-funding")).toHaveTextContent(
      `${expectedAmount(jv.peak_funding)} in year ${jv.peak_funding_year}`,
    );
    expect(screen.getByTestId("jv-first-profit")).toHaveTextContent(`year ${jv.first_profit_year}`);
    expect(screen.getByTestId("jv-exit-method")).toHaveTextContent("EBITDA multiple");
    expect(screen.getByTestId("jv-equity-value")).toHaveTextContent(expectedAmount(evaluation.exit.equity_value));
  });

  it("says so when there is no IRR or no profitable year", () => {
    const evaluation = kenya();
    evaluation.jv.project_irr = null;
    evaluation.jv.first_profit_year = null;
    render(JvMetrics, { evaluation });
    expect(screen.getByTestId("jv-project-irr")).toHaveTextContent(/^no IRR$/);
    expect(screen.getByTestId("jv-first-profit")).toHaveTextContent(/^not within the horizon$/);
  });
});
