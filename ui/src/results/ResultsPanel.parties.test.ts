// The pane's lead: each party's line in both views, with the Kenya example's real figures.
import { afterEach, describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import { flushSync } from "svelte";
import ResultsPanel from "./ResultsPanel.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { setLocale } from "../lib/i18n/index.svelte";
import { setChineseUnits } from "../lib/format/number";
import { expectedAmount, expectedPercent, kenya, resetWorkspace } from "./fixture";

afterEach(() => {
  resetWorkspace();
  setLocale("en");
  setChineseUnits(false);
});

function show() {
  const evaluation = kenya();
  workspace.evaluation = evaluation;
  render(ResultsPanel);
  flushSync();
  return evaluation;
}

describe("party lines", () => {
  it("show each party's name, closing share, NPV, IRR, MOIC and payback in both views", () => {
    const evaluation = show();
    expect(evaluation.parties.map((p) => p.id)).toEqual(["maker", "dealer"]);
    for (const party of evaluation.parties) {
      const block = screen.getByTestId(`party-${party.id}`);
      expect(within(block).getByText(party.name)).toBeInTheDocument();
      const share = evaluation.equity.parties.find((row) => row.id === party.id)!.percent;
      expect(screen.getByTestId(`party-share-${party.id}`)).toHaveTextContent(`${Number(share).toFixed(1)} %`);
      for (const view of ["cash", "economic"] as const) {
        const metrics = party.views[view];
        expect(metrics.irr_status).toBe("unique");
        expect(screen.getByTestId(`npv-${party.id}-${view}`)).toHaveTextContent(expectedAmount(metrics.npv));
        expect(screen.getByTestId(`irr-${party.id}-${view}`)).toHaveTextContent(expectedPercent(metrics.irr!));
        expect(screen.getByTestId(`moic-${party.id}-${view}`)).toHaveTextContent(
          `${Number(metrics.moic).toFixed(2)}×`,
        );
        expect(screen.getByTestId(`payback-${party.id}-${view}`)).toHaveTextContent(`year ${metrics.payback_year}`);
      }
    }
  });

  it("matches the Kenya example's figures as the engine rounds them", () => {
    const evaluation = show();
    const maker = evaluation.parties[0].views;
    // Sanity against the CLI's figures: the maker gains in both views, more in the cash view.
    expect(Number(maker.cash.npv)).toBeGreaterThan(Number(maker.economic.npv));
    expect(screen.getByTestId("npv-maker-cash").textContent).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(screen.getByTestId("irr-dealer-economic").textContent?.trim()).toMatch(/^\d+\.\d %$/);
  });

  it("names the reporting currency in the header and the NPV row", () => {
    const evaluation = show();
    const currency = evaluation.deal.reporting_currency;
    expect(screen.getByTestId("results-currency")).toHaveTextContent(`Parties in ${currency}`);
    expect(within(screen.getByTestId("results-parties")).getAllByText(`NPV ${currency}`)).toHaveLength(
      evaluation.parties.length,
    );
  });

  it("speaks Chinese when the UI does", () => {
    setLocale("zh-CN");
    show();
    expect(screen.getByText("各方回报")).toBeInTheDocument();
    expect(screen.getAllByText("现金口径").length).toBeGreaterThan(0);
  });

  it("switches to 万 / 亿 when the setting changes, without a new evaluation", () => {
    setLocale("zh-CN");
    const evaluation = show();
    const npv = Number(evaluation.parties[0].views.cash.npv);
    expect(screen.getByTestId("npv-maker-cash")).toHaveTextContent(expectedAmount(String(npv)));
    setChineseUnits(true);
    flushSync();
    expect(screen.getByTestId("npv-maker-cash")).toHaveTextContent(
      `${(npv / 1e4).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}万`,
    );
  });
});
