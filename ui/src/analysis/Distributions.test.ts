// The stored analysis settings in the Analysis section: the Monte Carlo spec (drivers,
// distributions, correlations, method) and the tornado's ranges, on the Kenya example.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import AnalysisSection from "./AnalysisSection.svelte";
import type { Deal } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import { backend, kenyaDeal, loadKenya, resetEditorWorkspace, settle } from "../editor/test-support";
import { mockIPC } from "@tauri-apps/api/mocks";
import { presetDefaults } from "../markets/test-support";
import { analysisDefaults } from "./mocks";
import type { DriverDefaults } from "../lib/bindings";
import { KINDS, defaultOfKind, driverCatalogue } from "./drivers.svelte";
import kenyaDrivers from "../../tests/fixtures/kenya-analysis-drivers.json";

beforeEach(loadKenya);
afterEach(resetEditorWorkspace);

const MC = "analysis.monte_carlo";

function field(path: string): HTMLInputElement {
  return screen.getByTestId(`field-${path}`) as HTMLInputElement;
}

/** Kenya without a stored Monte Carlo spec (its tornado ranges kept). */
function withoutSpec(): Deal {
  const deal = kenyaDeal();
  delete deal.analysis!.monte_carlo;
  return deal;
}

describe("driver catalogue and default spec, from the engine", () => {
  it("asks the engine once per deal and keeps the last answer while the next is in flight", async () => {
    driverCatalogue.reset();
    const asked: string[] = [];
    let answer: (value: unknown) => void = () => {};
    mockIPC((cmd, args) => {
      if (cmd !== "analysis_drivers") return null;
      asked.push((args as { dealJson: string }).dealJson);
      return new Promise((resolve) => (answer = resolve));
    });
    const first = driverCatalogue.load("{\"deal\":1}");
    expect(driverCatalogue.load("{\"deal\":1}")).toBe(first);
    expect(asked).toHaveLength(1);
    answer(structuredClone(kenyaDrivers));
    await first;
    expect(driverCatalogue.answer?.drivers[0].id).toBe("retail_price");
    // A changed deal asks again; the old answer stays until the new one arrives.
    const second = driverCatalogue.load("{\"deal\":2}");
    expect(asked).toHaveLength(2);
    expect(driverCatalogue.answer?.drivers[0].id).toBe("retail_price");
    answer({ drivers: [], default_spec: { drivers: [], method: "latin_hypercube" } });
    await second;
    expect(driverCatalogue.answer?.drivers).toEqual([]);
    driverCatalogue.reset();
  });

  it("the Kenya fixture is the engine's catalogue: its drivers, base values and kinds", () => {
    expect(kenyaDrivers.drivers.map((d) => d.id)).toEqual([
      "retail_price",
      "units",
      "unit_growth",
      "kit_fob_price",
      "kit_margin",
      "royalty_rate",
      "technical_fee",
      "dealer_margin",
      "fx_level",
      "inflation",
      "corporate_tax_rate",
      "import_duty_kits",
      "other_import_levies",
      "local_parts",
      "wage_per_hour",
      "fixed_overhead",
      "capex",
      "maintenance_capex",
      "payout_ratio",
      "discount_rate.maker",
      "discount_rate.dealer",
    ]);
    const units = kenyaDrivers.drivers.find((d) => d.id === "units") as DriverDefaults;
    expect([units.unit, units.base]).toEqual(["count", "600"]);
    expect(defaultOfKind(units, "lognormal")).toEqual({ kind: "lognormal", mean: "600", sd: "60" });
    expect(kenyaDrivers.drivers.map((d) => d.by_kind.map((k) => k.kind))).toEqual(kenyaDrivers.drivers.map(() => KINDS));
    expect(kenyaDrivers.default_spec.drivers[0].distribution).toEqual({ kind: "triangular", min: "416000", mode: "520000", max: "624000" });
  });
});

describe("Monte Carlo distributions editor", () => {
  it("shows the stored drivers with their parameters, rates in percent", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.click(screen.getByTestId("analysis-tab-mc"));
    expect(field(`${MC}.drivers[0].driver`).value).toBe("units");
    expect(field(`${MC}.drivers[0].distribution.kind`).value).toBe("pert");
    expect(field(`${MC}.drivers[0].distribution.min`).value).toBe("420");
    expect(field(`${MC}.drivers[1].distribution.max`).value).toBe("550,000");
    // Inflation is a rate: 0.08 is shown as 8.
    expect(field(`${MC}.drivers[4].distribution.max`).value).toBe("8");
    expect(field(`${MC}.correlations[0].rho`).value).toBe("0.5");
    expect(screen.queryByTestId("mc-spec-default")).toBeNull();
  });

  it("shows the stored rows while the engine's catalogue is in flight; the parameters follow", async () => {
    driverCatalogue.reset();
    let answer: (value: unknown) => void = () => {};
    mockIPC((cmd, args) => {
      if (cmd === "analysis_drivers") return new Promise((resolve) => (answer = resolve));
      return (presetDefaults()[cmd] ?? analysisDefaults()[cmd])?.(args) ?? null;
    });
    render(AnalysisSection);
    await settle();
    expect(field(`${MC}.drivers[0].driver`).value).toBe("units");
    expect(screen.getByTestId(`mc-driver-0`)).toHaveTextContent("Units");
    expect(screen.queryByTestId(`field-${MC}.drivers[0].distribution.min`)).toBeNull();
    expect(screen.getByTestId("mc-driver-add")).toBeDisabled();
    answer(structuredClone(kenyaDrivers));
    await settle();
    expect(field(`${MC}.drivers[0].distribution.min`).value).toBe("420");
    expect(screen.getByTestId("mc-driver-add")).toBeEnabled();
  });

  it("switching a distribution's kind rebuilds its parameters around the base, undoably", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.change(field(`${MC}.drivers[0].distribution.kind`), { target: { value: "normal" } });
    await settle();
    expect(workspace.get(`${MC}.drivers[0].distribution`)).toEqual({ kind: "normal", mean: "600", sd: "60" });
    expect(field(`${MC}.drivers[0].distribution.sd`).value).toBe("60");
    expect(screen.queryByTestId(`field-${MC}.drivers[0].distribution.mode`)).toBeNull();
    workspace.undo();
    await settle();
    expect(workspace.get(`${MC}.drivers[0].distribution`)).toEqual({ kind: "pert", min: "420", mode: "600", max: "720" });
  });

  it("typing a parameter writes the decimal string; a rate is typed in percent", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.input(field(`${MC}.drivers[0].distribution.max`), { target: { value: "750" } });
    await fireEvent.input(field(`${MC}.drivers[4].distribution.min`), { target: { value: "3" } });
    expect(workspace.get(`${MC}.drivers[0].distribution.max`)).toBe("750");
    expect(workspace.get(`${MC}.drivers[4].distribution.min`)).toBe("0.03");
  });

  it("changing a row's driver recentres it and renames its correlations", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    // fx_level (row 3) is correlated with inflation; replace it with the royalty rate (3 %).
    await fireEvent.change(field(`${MC}.drivers[3].driver`), { target: { value: "royalty_rate" } });
    await settle();
    expect(workspace.get(`${MC}.drivers[3]`)).toEqual({
      driver: "royalty_rate",
      distribution: { kind: "triangular", min: "0.024", mode: "0.03", max: "0.036" },
    });
    expect(workspace.get(`${MC}.correlations`)).toEqual([{ a: "royalty_rate", b: "inflation", rho: "0.5" }]);
  });

  it("adds and removes drivers and correlations; removing a driver drops its correlations", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.click(screen.getByTestId("mc-driver-add"));
    await settle();
    // The first catalogue driver the spec does not vary yet: kit margin at 12 %.
    expect(workspace.get(`${MC}.drivers[6]`)).toEqual({
      driver: "kit_margin",
      distribution: { kind: "triangular", min: "0.096", mode: "0.12", max: "0.144" },
    });
    await fireEvent.click(screen.getByTestId("mc-corr-add"));
    await settle();
    expect(workspace.get(`${MC}.correlations[1]`)).toEqual({ a: "units", b: "retail_price", rho: "0" });
    await fireEvent.click(screen.getByTestId("mc-driver-remove-3")); // fx_level
    await settle();
    const deal = workspace.deal!;
    expect(deal.analysis!.monte_carlo!.drivers.map((d) => d.driver)).toEqual([
      "units",
      "retail_price",
      "kit_fob_price",
      "inflation",
      "unit_growth",
      "kit_margin",
    ]);
    expect(deal.analysis!.monte_carlo!.correlations).toEqual([{ a: "units", b: "retail_price", rho: "0" }]);
    await fireEvent.click(screen.getByTestId("mc-corr-remove-0"));
    await settle();
    expect(workspace.get(`${MC}.correlations`)).toEqual([]);
  });

  it("shows the engine's errors under the field and under the correlations", async () => {
    backend.errors = [
      { path: `${MC}.correlations`, message: "the correlations are not consistent: the matrix is not positive semi-definite" },
      { path: `${MC}.drivers[0].distribution.min`, message: "must be at most the mode" },
      { path: `${MC}.drivers[1].distribution`, message: "retail_price: min must be below max" },
    ];
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.input(field(`${MC}.correlations[0].rho`), { target: { value: "0.99" } });
    await settle();
    expect(screen.getByTestId(`errors-${MC}.correlations`)).toHaveTextContent("not positive semi-definite");
    expect(screen.getByTestId(`errors-${MC}.drivers[1].distribution`)).toHaveTextContent("Retail_price: min must be below max.");
    expect(field(`${MC}.drivers[0].distribution.min`)).toHaveAttribute("aria-invalid", "true");
  });

  it("offers the default spec while none is stored; Customise writes it, undo takes it back", async () => {
    workspace.load(withoutSpec());
    await settle();
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    expect(screen.getByTestId("mc-spec-default")).toBeInTheDocument();
    expect(screen.getByTestId("mc-spec-default-list")).toHaveTextContent("Retail price Triangular 416,000 – 520,000 – 624,000");
    await fireEvent.click(screen.getByTestId("mc-spec-customise"));
    await settle();
    expect(workspace.deal!.analysis!.monte_carlo).toEqual(kenyaDrivers.default_spec);
    expect(field(`${MC}.drivers[1].distribution.min`).value).toBe("480");
    expect(field(`${MC}.method`).value).toBe("latin_hypercube");
    workspace.undo();
    await settle();
    expect(workspace.deal!.analysis!.monte_carlo).toBeUndefined();
    expect(screen.getByTestId("mc-spec-customise")).toBeInTheDocument();
  });

  it("the sampling method: absent is Latin hypercube, independent draws stored by name", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    expect(workspace.get(`${MC}.method`)).toBeUndefined();
    await fireEvent.change(field(`${MC}.method`), { target: { value: "monte_carlo" } });
    expect(workspace.get(`${MC}.method`)).toBe("monte_carlo");
    await fireEvent.click(screen.getByTestId("mc-spec-use-default"));
    await settle();
    expect(workspace.deal!.analysis!.monte_carlo).toBeUndefined();
  });

  it("stores iterations and a seed, which a run then starts from; empty stores none", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.input(field(`${MC}.iterations`), { target: { value: "5,000" } });
    await fireEvent.input(field(`${MC}.seed`), { target: { value: "7" } });
    await settle();
    expect(workspace.get(`${MC}.iterations`)).toBe(5000);
    expect(workspace.get(`${MC}.seed`)).toBe(7);
    expect((screen.getByTestId("mc-iterations") as HTMLInputElement).value).toBe("5000");
    expect((screen.getByTestId("mc-seed") as HTMLInputElement).value).toBe("7");
    await fireEvent.input(field(`${MC}.iterations`), { target: { value: "" } });
    expect(workspace.get(`${MC}.iterations`)).toBeNull();
  });
});

describe("tornado ranges", () => {
  it("shows stored ranges in percent and the others at the ±20 % placeholder", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.click(screen.getByTestId("analysis-tab-tornado"));
    expect(field("analysis.tornado[0].low").value).toBe("-30");
    expect(field("analysis.tornado[1].high").value).toBe("30");
    const low = screen.getByTestId("tornado-default-retail_price-low") as HTMLInputElement;
    expect(low.value).toBe("");
    expect(low.placeholder).toBe("−20");
  });

  it("typing into a default row stores its range; reset removes it", async () => {
    render(AnalysisSection);
    await settle(); // the engine's catalogue arrives
    await fireEvent.input(screen.getByTestId("tornado-default-retail_price-low"), { target: { value: "-10" } });
    await settle();
    expect(workspace.get("analysis.tornado[2]")).toEqual({ driver: "retail_price", low: "-0.1", high: "0.2" });
    expect(screen.getByTestId("field-analysis.tornado[2].low")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("tornado-range-reset-units"));
    await settle();
    expect(workspace.deal!.analysis!.tornado!.map((r) => r.driver)).toEqual(["fx_level", "retail_price"]);
    expect(screen.getByTestId("tornado-default-units-high")).toBeInTheDocument();
    workspace.undo();
    await settle();
    expect(workspace.deal!.analysis!.tornado!.map((r) => r.driver)).toEqual(["units", "fx_level", "retail_price"]);
  });
});
