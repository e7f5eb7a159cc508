// The pure pieces: which section owns a path, and the structural edits' defaults.
import { describe, expect, it } from "vitest";
import { errorCounts, sectionOf } from "./section-ids";
import {
  addParty,
  fitList,
  methodsFor,
  proposeShares,
  rampUnits,
  renameParty,
  setKind,
  setSplitMode,
  valuationFor,
} from "./deal-ops";
import { kenyaDeal } from "./test-support";

describe("sectionOf", () => {
  it.each([
    ["market.fx_spot", "market"],
    ["market.dividend_withholding.treaties[0].rate", "market"],
    ["reporting_currency", "market"],
    ["reporting_inflation", "market"],
    ["rcy_escalation", "market"],
    ["parties", "parties"],
    ["parties[1].contributions[0].valuation.value", "parties"],
    ["parties[0].contributions[1].tranches[2].share", "equity"],
    ["parties[0].contributions[1].tranches", "equity"],
    ["equity.shares[0].share", "equity"],
    ["agreements.kit_supply.kit_fob_price", "agreements"],
    ["plan.units.units[3]", "plan"],
    ["financing.loan.rate", "financing"],
    ["exit.multiple", "financing"],
    ["horizon_years", "financing"],
    ["name", "header"],
    ["description", "header"],
    ["", "header"],
  ])("puts %s under %s", (path, section) => {
    expect(sectionOf(path)).toBe(section);
  });

  it("counts errors per section", () => {
    const counts = errorCounts([
      { path: "market.inflation", message: "" },
      { path: "exit.growth", message: "" },
      { path: "horizon_years", message: "" },
      { path: "", message: "" },
    ]);
    expect(counts).toEqual({ market: 1, parties: 0, equity: 0, agreements: 0, plan: 0, financing: 2, analysis: 0, header: 1 });
  });
});

describe("structural edits", () => {
  it("carries shared fields over when the valuation method changes", () => {
    expect(valuationFor("excess_earnings", { method: "relief_from_royalty", royalty_rate: "0.04", discount_rate: "0.2" })).toEqual({
      method: "excess_earnings",
      profit_share: "0.10",
      discount_rate: "0.2",
    });
    expect(valuationFor("cost_to_recreate", { method: "agreed", value: "450000" })).toEqual({
      method: "cost_to_recreate",
      cost: "450000",
      obsolescence: "0",
    });
    expect(valuationFor("agreed", { method: "cost_to_recreate", cost: "9", obsolescence: "0.1" })).toEqual({
      method: "agreed",
      value: "9",
    });
  });

  it("keeps a contribution valid when its kind changes", () => {
    const deal = kenyaDeal() as any;
    setKind(deal, 0, 1, "cash");
    expect(deal.parties[0].contributions[1].valuation).toEqual({ method: "agreed", value: "0" });
    setKind(deal, 0, 0, "asset");
    expect(deal.parties[0].contributions[0].useful_life_years).toBe(10);
    expect(methodsFor("services")).toEqual(["agreed"]);
  });

  it("adds a party with a free id, and a negotiated line for it", () => {
    const deal = kenyaDeal() as any;
    setSplitMode(deal, "negotiated", null);
    expect(deal.equity.shares).toEqual([
      { party: "maker", share: "0.5" },
      { party: "dealer", share: "0.5" },
    ]);
    addParty(deal);
    expect(deal.parties[2]).toMatchObject({ id: "partner3", home_country: "KE", role: "investor" });
    expect(deal.equity.shares[2]).toEqual({ party: "partner3", share: "0" });
  });

  it("proposes negotiated shares that add up to exactly 1", () => {
    expect(proposeShares(["a", "b", "c"], [])).toEqual([
      { party: "a", share: "0.3333" },
      { party: "b", share: "0.3333" },
      { party: "c", share: "0.3334" },
    ]);
    expect(
      proposeShares(["a", "b"], [
        { id: "a", percent: "60.2029" },
        { id: "b", percent: "39.7971" },
      ]),
    ).toEqual([
      { party: "a", share: "0.602" },
      { party: "b", share: "0.398" },
    ]);
  });

  it("renames references with the party, but not a reference to another party", () => {
    const deal = kenyaDeal() as any;
    renameParty(deal, 1, "nairobi");
    expect(deal.agreements.distribution.distributor).toBe("nairobi");
    expect(deal.agreements.licence.licensor).toBe("maker");
  });

  it("turns a ramp into whole units per year and fits lists to the horizon", () => {
    expect(rampUnits({ first_year: "600", growth: "0.35", capacity: "2500" }, 7)).toEqual([
      "600", "810", "1094", "1476", "1993", "2500", "2500",
    ]);
    expect(fitList(["1", "2"], 4, "0")).toEqual(["1", "2", "2", "2"]);
    expect(fitList(["1", "2", "3"], 2, "0")).toEqual(["1", "2"]);
    expect(fitList([], 2, "7")).toEqual(["7", "7"]);
  });
});
