// Every field of the deal file can be edited: a deal with every optional part filled in is
// walked leaf by leaf, and each leaf must have an input in the section that owns it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import Editor from "./Editor.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import type { Deal } from "../lib/bindings";
import { SECTIONS, sectionOf } from "./section-ids";
import { kenyaDeal, loadKenya, resetEditorWorkspace } from "./test-support";

beforeEach(loadKenya);
afterEach(resetEditorWorkspace);

/** Kenya with every optional field and block present. */
function fullDeal(): Deal {
  const deal = kenyaDeal() as any;
  deal.rcy_escalation = "0.02";
  Object.assign(deal.market, {
    tax_holiday_years: 2,
    loss_carry_forward_years: 5,
    interest_carry_forward_years: 3,
    capital_gains_tax_rate: "0.05",
    inflation_path: Array(10).fill("0.05"),
    fx_depreciation: "0.03",
    fx_path: Array(11).fill("130"),
    legal_reserve: { share_of_profit: "0.05", cap_share_of_capital: "0.2" },
    royalty_cap: { kind: "approval", rate: "0.05", covers_fees: true },
    foreign_ownership_limit: "0.49",
  });
  deal.market.dividend_withholding.treaties = [{ country: "CN", rate: "0.05" }];
  deal.market.royalty_withholding.treaties = [{ country: "CN", rate: "0.07" }];
  deal.parties[0].contributions[1].tranches = [{ share: "1", milestone: "Assembly", year: 1, missed: false }];
  deal.plan.price_growth = "0.04";
  deal.equity = { mode: "negotiated", shares: [{ party: "maker", share: "0.6" }, { party: "dealer", share: "0.4" }], shares_issued: 1000 };
  // Kenya's stored analysis block, with every kind of distribution and the sampling method.
  deal.analysis.monte_carlo.drivers.push(
    { driver: "kit_margin", distribution: { kind: "uniform", min: "0.1", max: "0.2" } },
    { driver: "dealer_margin", distribution: { kind: "normal", mean: "0.12", sd: "0.02" } },
    { driver: "fixed_overhead", distribution: { kind: "lognormal", mean: "300000", sd: "40000" } },
    { driver: "corporate_tax_rate", distribution: { kind: "fixed", value: "0.3" } },
  );
  Object.assign(deal.analysis.monte_carlo, { method: "monte_carlo", iterations: 5000, seed: 7 });
  // A scenario of the user's own, with a set and a scale override.
  deal.scenarios = [
    {
      name: "Slow start",
      description: "Fewer units at a lower price.",
      overrides: [
        { path: "plan.retail_price", op: { set: "480000" } },
        { path: "plan.units.capacity", op: { scale: "0.8" } },
      ],
    },
  ];
  return deal as Deal;
}

function leaves(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    // A tagged union's "method" is a leaf (its select), and so are its fields.
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  }
  return [path];
}

describe("editor coverage", () => {
  it("has an input for every field of a fully filled deal, in the section that owns it", async () => {
    const deal = fullDeal();
    workspace.load(deal);
    render(Editor);
    const wanted = leaves(deal).filter((path) => path !== "schema_version");
    const found = new Set<string>();
    for (const section of SECTIONS) {
      await fireEvent.click(screen.getByTestId(`section-${section}`));
      flushSync();
      for (const el of document.querySelectorAll<HTMLElement>("[data-path]")) {
        const path = el.dataset.path!;
        const owner = sectionOf(path);
        if (owner === section || owner === "header") found.add(path);
      }
    }
    expect(wanted.filter((path) => !found.has(path))).toEqual([]);
    expect(wanted.length).toBeGreaterThan(100);
    expect(wanted.filter((path) => path.startsWith("analysis.")).length).toBe(57);
  });

  it("gives each input a visible label, a test id equal to field-<path>, and no positive tabindex", async () => {
    render(Editor);
    for (const section of SECTIONS) {
      await fireEvent.click(screen.getByTestId(`section-${section}`));
      flushSync();
      const form = screen.getByTestId("editor-form");
      // In Analysis, the stored settings' editors (its run controls are not deal fields).
      const scope = section === "analysis" ? '[data-testid="mc-spec"] , [data-testid="tornado-ranges"]' : null;
      const roots = scope ? [...form.querySelectorAll<HTMLElement>(scope)] : [form];
      if (scope) expect(roots).toHaveLength(2);
      for (const root of roots) {
        for (const el of root.querySelectorAll<HTMLInputElement>("input, select, textarea")) {
          const label = form.querySelector(`label[for="${el.id}"]`);
          expect(label?.textContent?.trim(), el.dataset.path).toBeTruthy();
          // Deal fields, the Market section's preset picker (not a field of the deal), and a
          // tornado range still at its default (typing into it stores one).
          expect(el.dataset.testid).toMatch(/^((field|toggle)-|market-picker$|tornado-default-)/);
          expect(el.tabIndex).toBeLessThanOrEqual(0);
        }
      }
    }
  });
});
