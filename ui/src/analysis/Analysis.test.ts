// The analysis panels against a mock backend answering with realistic figures for the
// Kenya example (maker and dealer, USD).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import AnalysisSection from "./AnalysisSection.svelte";
import type { ChartOption } from "../results/chart";
import type { EvaluateOutcome, MonteCarloOutcome, MonteCarloProgress } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import { kenyaDeal, resetEditorWorkspace, settle } from "../editor/test-support";
import kenyaDrivers from "../../tests/fixtures/kenya-analysis-drivers.json";
import {
  entryModes,
  fairSplitResult,
  goalSeekResult,
  marketComparison,
  marketPresets,
  monteCarloResult,
  builtinScenarios,
  scenarioRun,
  tornadoResult,
} from "./mocks";

// ECharts as a recorder: a test that gives the charts a size reads the option each one was
// drawn with, by the chart's accessible name. jsdom gives no size, so other tests never start it.
const echarts = vi.hoisted(() => ({ init: vi.fn(), drawn: new Map<string, unknown>() }));
vi.mock("echarts/core", async (original) => ({
  ...(await original<typeof import("echarts/core")>()),
  init: echarts.init,
}));

type Handler = (args: Record<string, unknown>) => unknown;
let handlers: Record<string, Handler> = {};
let calls: { cmd: string; args: Record<string, unknown> }[] = [];

beforeEach(async () => {
  calls = [];
  handlers = {};
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === "evaluate_deal") return JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome;
    if (cmd === "save_draft") return null;
    const handler = handlers[cmd];
    if (!handler) throw { code: "internal", message: `unexpected command ${cmd}`, fields: [] };
    return handler(a);
  });
  workspace.load(kenyaDeal());
  await settle();
});

afterEach(() => {
  vi.restoreAllMocks();
  echarts.init.mockReset();
  echarts.drawn.clear();
  clearMocks();
  resetEditorWorkspace();
});

describe("analysis: scenarios", () => {
  it("shows each party's NPV and IRR per scenario, base first, failures and skipped cases with reasons", async () => {
    handlers.run_scenarios = () => scenarioRun();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("scenarios-run"));
    await settle();
    expect(calls.find((c) => c.cmd === "run_scenarios")?.args.builtin).toBe(true);
    expect(screen.getByTestId("scenario-row-0")).toHaveTextContent("Base case");
    expect(screen.getByTestId("scenario-npv-0-maker")).toHaveTextContent("1,843,221");
    expect(screen.getByTestId("scenario-irr-0-dealer")).toHaveTextContent("22.4 %");
    expect(screen.getByTestId("scenario-npv-1-dealer")).toHaveTextContent("\u221284,211");
    expect(screen.getByTestId("scenario-irr-1-dealer")).toHaveTextContent("no IRR");
    expect(screen.getByTestId("scenario-error-2")).toHaveTextContent("units must be positive");
    expect(screen.getByTestId("scenario-skipped-0")).toHaveTextContent("Loan rate +5 points: The deal has no loan.");
    expect(screen.getByTestId("scenarios-table")).toHaveTextContent("Nairobi motorcycle and three-wheeler dealer NPV (USD)");
  });

  it("shows each party's MOIC and the JV cash low point beside NPV and IRR", async () => {
    handlers.run_scenarios = () => scenarioRun();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("scenarios-run"));
    await settle();
    expect(screen.getByTestId("scenario-moic-0-maker")).toHaveTextContent("3.10");
    expect(screen.getByTestId("scenario-moic-1-dealer")).toHaveTextContent("2.40");
    expect(screen.getByTestId("scenario-low-1")).toHaveTextContent("\u2212420,000 (year 2)");
    expect(screen.getByTestId("scenarios-table")).toHaveTextContent("JV cash low point (KES)");
  });

  it("adds a built-in to the deal in one click, as one undo step, and runs the deal's scenarios", async () => {
    handlers.builtin_scenarios = () => builtinScenarios();
    handlers.run_scenarios = () => scenarioRun();
    render(AnalysisSection);
    await settle();
    const real = builtinScenarios();
    expect(calls.some((c) => c.cmd === "builtin_scenarios")).toBe(true);
    expect(screen.getByTestId("scenarios-none")).toBeInTheDocument();
    const fx = screen.getByTestId("scenario-builtin-0");
    expect(fx).toHaveTextContent("FX crisis");
    for (const [k, skip] of real.skipped.entries()) {
      const button = screen.getByTestId(`scenario-builtin-skipped-${k}`);
      expect(button).toBeDisabled();
      expect(button).toHaveAttribute("title", skip.reason);
    }
    await fireEvent.click(fx);
    await settle();
    expect(workspace.deal?.scenarios).toEqual([real.scenarios[0]]);
    expect(screen.getByTestId("field-scenarios[0].name")).toHaveValue("FX crisis");
    const first = real.scenarios[0].overrides![0];
    expect(screen.getByTestId("field-scenarios[0].overrides[0].path")).toHaveValue(first.path);
    expect(screen.getByTestId("field-scenarios[0].overrides[0].op")).toHaveValue(Object.keys(first.op)[0]);
    workspace.undo();
    await settle();
    expect(workspace.deal?.scenarios ?? []).toEqual([]);
    workspace.redo();
    await settle();
    await fireEvent.click(screen.getByTestId("scenarios-run-own"));
    await settle();
    const run = calls.find((c) => c.cmd === "run_scenarios");
    expect(run?.args.builtin).toBe(false);
    expect(JSON.parse(String(run?.args.dealJson)).scenarios[0].name).toBe("FX crisis");
  });

  it("edits a scenario's name, description and overrides, switching an op keeps its number field", async () => {
    handlers.builtin_scenarios = () => builtinScenarios();
    handlers.analysis_drivers = () => structuredClone(kenyaDrivers);
    render(AnalysisSection);
    await settle();
    await fireEvent.click(screen.getByTestId("scenario-add"));
    await settle();
    expect(workspace.deal?.scenarios).toEqual([{ name: "Scenario 1", description: "", overrides: [{ path: "", op: { scale: "1" } }] }]);
    await fireEvent.input(screen.getByTestId("field-scenarios[0].name"), { target: { value: "Slow start" } });
    await fireEvent.input(screen.getByTestId("field-scenarios[0].description"), { target: { value: "Fewer units." } });
    // The engine's driver paths are offered as the path is typed.
    const pathInput = screen.getByTestId("field-scenarios[0].overrides[0].path") as HTMLInputElement;
    const list = document.getElementById(pathInput.getAttribute("list") ?? "");
    const offered = [...(list?.querySelectorAll("option") ?? [])].map((o) => o.getAttribute("value"));
    expect(offered).toContain("plan.retail_price");
    expect(offered).toContain("agreements.distribution.dealer_margin");
    await fireEvent.input(pathInput, { target: { value: "plan.units.capacity" } });
    await fireEvent.input(screen.getByTestId("field-scenarios[0].overrides[0].op.scale"), { target: { value: "0.8" } });
    await settle();
    expect(workspace.deal?.scenarios?.[0]).toEqual({
      name: "Slow start",
      description: "Fewer units.",
      overrides: [{ path: "plan.units.capacity", op: { scale: "0.8" } }],
    });
    // A second change set to a number.
    await fireEvent.click(screen.getByTestId("scenario-override-add-0"));
    await settle();
    await fireEvent.change(screen.getByTestId("field-scenarios[0].overrides[1].op"), { target: { value: "set" } });
    await settle();
    expect(workspace.deal?.scenarios?.[0].overrides?.[1].op).toEqual({ set: "1" });
    await fireEvent.input(screen.getByTestId("field-scenarios[0].overrides[1].path"), { target: { value: "plan.retail_price" } });
    await fireEvent.input(screen.getByTestId("field-scenarios[0].overrides[1].op.set"), { target: { value: "480000" } });
    await settle();
    expect(workspace.deal?.scenarios?.[0].overrides?.[1]).toEqual({ path: "plan.retail_price", op: { set: "480000" } });
    // The engine's message about a path shows under that path.
    workspace.errors = [{ path: "scenarios[0].overrides[1].path", message: "no field at plan.retail_prise" }];
    await settle();
    const msg = document.getElementById("in-scenarios-0--overrides-1--path-msg");
    expect(msg).toHaveTextContent("No field at plan.retail_prise.");
    await fireEvent.click(screen.getByTestId("scenario-override-remove-0-0"));
    await settle();
    expect(workspace.deal?.scenarios?.[0].overrides).toEqual([{ path: "plan.retail_price", op: { set: "480000" } }]);
    await fireEvent.click(screen.getByTestId("scenario-remove-0"));
    await settle();
    expect(workspace.deal?.scenarios).toEqual([]);
  });

  it("edits a built-in's yes/no and list overrides", async () => {
    const deal = kenyaDeal();
    deal.scenarios = [
      {
        name: "Mixed",
        description: "",
        overrides: [
          { path: "parties[1].joins_capital_calls", op: { set_bool: false } },
          { path: "market.fx_path", op: { set_list: ["130", "140"] } },
        ],
      },
    ];
    workspace.load(deal);
    render(AnalysisSection);
    await settle();
    const list = screen.getByTestId("field-scenarios[0].overrides[1].op.set_list");
    expect(list).toHaveValue("130, 140");
    await fireEvent.change(list, { target: { value: "150, 160 ,170" } });
    await fireEvent.click(screen.getByTestId("field-scenarios[0].overrides[0].op.set_bool"));
    await settle();
    expect(workspace.deal?.scenarios?.[0].overrides).toEqual([
      { path: "parties[1].joins_capital_calls", op: { set_bool: true } },
      { path: "market.fx_path", op: { set_list: ["150", "160", "170"] } },
    ]);
    // The row's own kind is offered with the number kinds.
    const options = [...screen.getByTestId("field-scenarios[0].overrides[0].op").querySelectorAll("option")].map((o) => o.value);
    expect(options).toEqual(["set", "scale", "add", "set_bool"]);
  });

  it("shows the engine's message when the deal is invalid", async () => {
    handlers.run_scenarios = () => {
      throw { code: "invalid_deal", message: "The deal has errors.", fields: [{ path: "horizon_years", message: "The horizon must be at least 3 years." }] };
    };
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("scenarios-run"));
    await settle();
    expect(screen.getByTestId("scenarios-error")).toHaveTextContent("The deal has errors. The horizon must be at least 3 years.");
  });
});

describe("analysis: tornado", () => {
  it("asks for the chosen party and metric and draws each driver's low and high", async () => {
    handlers.tornado = () => tornadoResult();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-tornado"));
    await fireEvent.change(screen.getByTestId("tornado-party"), { target: { value: "dealer" } });
    await fireEvent.click(screen.getByTestId("tornado-run"));
    await settle();
    expect(calls.find((c) => c.cmd === "tornado")?.args).toMatchObject({ party: "dealer", metric: "npv", view: "cash" });
    expect(screen.getByTestId("tornado-base")).toHaveTextContent("Base case: 612,480");
    const rows = screen.getByTestId("tornado-chart-table").querySelectorAll("tbody tr");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Dealer margin");
    expect(rows[0]).toHaveTextContent("9.60 %");
    expect(rows[0]).toHaveTextContent("822,850");
  });

  it("keeps the chart of 21 drivers within 500 px so its value axis stays on screen", async () => {
    const one = tornadoResult().bars[0];
    handlers.tornado = () => ({ ...tornadoResult(), bars: Array.from({ length: 21 }, (_, i) => ({ ...one, driver: `d${i}`, label: `Driver ${i}` })) });
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-tornado"));
    await fireEvent.click(screen.getByTestId("tornado-run"));
    await settle();
    const sized = screen.getByTestId("tornado-chart").querySelector<HTMLElement>("[style*='height']");
    expect(sized?.style.height).toBe("500px");
    expect(screen.getByTestId("tornado-chart-table").querySelectorAll("tbody tr")).toHaveLength(21);
  });

  it("offers the tornado's drivers as goal-seek inputs", async () => {
    handlers.tornado = () => tornadoResult();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-tornado"));
    await fireEvent.click(screen.getByTestId("tornado-run"));
    await settle();
    const options = [...screen.getByTestId("goal-input").querySelectorAll("option")].map((o) => o.value);
    expect(options).toEqual(["dealer_margin", "units"]);
  });
});

describe("analysis: goal seek", () => {
  it("sends an IRR target typed as a percent as a fraction and shows the answer", async () => {
    handlers.goal_seek = () => goalSeekResult();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.change(screen.getByTestId("goal-input"), { target: { value: "dealer_margin" } });
    await fireEvent.change(screen.getByTestId("goal-party"), { target: { value: "dealer" } });
    await fireEvent.input(screen.getByTestId("goal-target"), { target: { value: "20" } });
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    expect(calls.find((c) => c.cmd === "goal_seek")?.args).toMatchObject({
      input: "dealer_margin",
      party: "dealer",
      metric: "irr",
      target: "0.2",
      low: null,
      high: null,
    });
    expect(screen.getByTestId("goal-result")).toHaveTextContent("Dealer margin = 4.97 %");
  });

  it("says when no value in range hits the target", async () => {
    handlers.goal_seek = () => goalSeekResult(false);
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    expect(screen.getByTestId("goal-result")).toHaveTextContent("No solution in range: the IRR stays above 20 % at every margin");
  });

  it("refuses a target that is not a number without calling the engine", async () => {
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.input(screen.getByTestId("goal-target"), { target: { value: "abc" } });
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    expect(screen.getByTestId("goal-error")).toHaveTextContent("The target is not a number.");
    expect(calls.some((c) => c.cmd === "goal_seek")).toBe(false);
  });
});

describe("analysis: goal seek, apply to deal", () => {
  it("writes the solved value into the deal as one step that Undo takes back", async () => {
    handlers.goal_seek = () => goalSeekResult();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    const before = workspace.get("agreements.distribution.dealer_margin");
    expect(before).not.toBe("0.0497");
    await fireEvent.click(screen.getByTestId("goal-apply"));
    await settle();
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe("0.0497");
    expect(screen.getByTestId("goal-applied")).toHaveTextContent("Written into the deal");
    expect(screen.queryByTestId("goal-apply")).toBeNull();
    workspace.undo();
    expect(workspace.get("agreements.distribution.dealer_margin")).toBe(before);
  });

  it("writes every field a share move changes", async () => {
    handlers.goal_seek = () => ({
      ...goalSeekResult(),
      input: "share.maker",
      changes: [
        { path: "equity.mode", value: "negotiated" },
        { path: "equity.shares_issued", value: 1000000000000 },
        { path: "equity.shares[0].party", value: "maker" },
        { path: "equity.shares[0].share", value: "0.41" },
        { path: "equity.shares[1].party", value: "dealer" },
        { path: "equity.shares[1].share", value: "0.59" },
      ],
    });
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    await fireEvent.click(screen.getByTestId("goal-apply"));
    expect(workspace.get("equity.mode")).toBe("negotiated");
    expect(workspace.get("equity.shares_issued")).toBe(1000000000000);
    expect(workspace.get("equity.shares")).toEqual([
      { party: "maker", share: "0.41" },
      { party: "dealer", share: "0.59" },
    ]);
  });

  it("offers no apply when there is no solution", async () => {
    handlers.goal_seek = () => goalSeekResult(false);
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-goal"));
    await fireEvent.click(screen.getByTestId("goal-run"));
    await settle();
    expect(screen.queryByTestId("goal-apply")).toBeNull();
  });
});

describe("analysis: fair split", () => {
  it("shows each split's parties, says when a split has no solution, and lists the curve with the deal marked", async () => {
    handlers.fair_split = () => fairSplitResult();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-fair"));
    await fireEvent.click(screen.getByTestId("fair-run"));
    await settle();
    expect(calls.some((c) => c.cmd === "fair_split")).toBe(true);
    expect(screen.getByTestId("fair-by_value-share-maker")).toHaveTextContent("41.8 %");
    expect(screen.getByTestId("fair-by_value-share-dealer")).toHaveTextContent("58.2 %");
    expect(screen.getByTestId("fair-by_value-measure-dealer")).toHaveTextContent("1.26");
    expect(screen.getByTestId("fair-by_value")).toHaveTextContent("1,006,880");
    expect(screen.getByTestId("fair-by_hurdle")).toHaveTextContent("No split in range: the margins do not meet between 1 % and 99 %");
    const rows = screen.getByTestId("fair-curve-table").querySelectorAll("tbody tr");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent("3.0 % (this deal)");
    expect(rows[1]).toHaveTextContent("50.0 %");
    expect(rows[3]).toHaveTextContent("no share from 1 % to 99 % keeps the NPV");
  });
});

describe("analysis: markets side by side", () => {
  async function pick() {
    handlers.market_presets = () => marketPresets();
    render(AnalysisSection);
    await settle();
    await fireEvent.click(screen.getByTestId("analysis-tab-markets"));
    for (const code of ["KE", "NG"]) {
      const box = screen.getByTestId(`markets-pick-${code}`) as HTMLInputElement;
      if (!box.checked) await fireEvent.click(box);
    }
    await settle();
  }

  it("asks for a rate only where the currency changes and refuses to run without it", async () => {
    await pick();
    expect(screen.queryByTestId("markets-rate-KE")).toBeNull();
    expect(screen.getByTestId("markets-rate-NG")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("markets-run"));
    await settle();
    expect(screen.getByTestId("markets-error")).toHaveTextContent("Enter today's exchange rate for NG.");
    expect(screen.getByTestId("markets-rate-NG")).toHaveAttribute("aria-invalid", "true");
    expect(calls.some((c) => c.cmd === "compare_markets")).toBe(false);
  });

  it("sends the markets in list order with the rates typed and shows each party per market", async () => {
    handlers.compare_markets = () => marketComparison();
    await pick();
    await fireEvent.input(screen.getByTestId("markets-rate-NG"), { target: { value: "1,500" } });
    await fireEvent.click(screen.getByTestId("markets-run"));
    await settle();
    expect(calls.find((c) => c.cmd === "compare_markets")?.args).toMatchObject({
      countries: ["KE", "NG"],
      fxSpots: [{ country: "NG", fx_spot: "1500" }],
    });
    expect(screen.getByTestId("markets-npv-KE-maker")).toHaveTextContent("1,843,221");
    expect(screen.getByTestId("markets-irr-NG-dealer")).toHaveTextContent("no IRR");
    expect(screen.getByTestId("markets-irr-NG-maker")).toHaveTextContent("18.1 %");
    expect(screen.getByTestId("markets-low-NG")).toHaveTextContent("\u2212310,000,000 NGN");
    expect(screen.getByTestId("markets-warnings-NG")).toHaveTextContent("2");
    expect(screen.getByTestId("markets-warnings-KE")).toHaveTextContent("0");
  });

  it("marks the markets the backend says lack a rate", async () => {
    handlers.compare_markets = () => {
      throw { code: "needs_fx_spot", message: "a change of currency needs today's spot rate; enter it for NG (NGN)", fields: [{ path: "NG", message: "NG: enter today's NGN per USD" }] };
    };
    await pick();
    await fireEvent.input(screen.getByTestId("markets-rate-NG"), { target: { value: "1500" } });
    await fireEvent.click(screen.getByTestId("markets-run"));
    await settle();
    expect(screen.getByTestId("markets-error")).toHaveTextContent("enter it for NG (NGN)");
    expect(screen.getByTestId("markets-rate-NG")).toHaveAttribute("aria-invalid", "true");
  });
});

/** Runs a simulation that answers `result` with charts of a size; the option the chart named
 *  `label` was last drawn with (after choosing `party` in "Histogram of", if given). */
async function drawnMonteCarlo(result: ReturnType<typeof monteCarloResult>, label: string, party?: string): Promise<ChartOption> {
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(220);
  echarts.init.mockImplementation((element: HTMLElement) => {
    const chart = {
      setOption: (option: unknown) => echarts.drawn.set(element.getAttribute("aria-label") ?? "", option),
      resize: () => {},
      dispose: () => {},
    };
    return chart;
  });
  handlers.monte_carlo = () => ({ status: "finished", result });
  render(AnalysisSection);
  await fireEvent.click(screen.getByTestId("analysis-tab-mc"));
  await fireEvent.click(screen.getByTestId("mc-run"));
  await settle();
  if (party) {
    await fireEvent.change(screen.getByTestId("mc-histogram-party"), { target: { value: party } });
    await settle();
  }
  const option = echarts.drawn.get(label);
  if (!option) throw new Error(`no chart named ${label} was drawn`);
  return option as ChartOption;
}

describe("analysis: Monte Carlo", () => {
  it("shows progress from the channel, then percentiles, probabilities and the histogram", async () => {
    let finish: (outcome: MonteCarloOutcome) => void = () => {};
    let channel: Channel<MonteCarloProgress> | null = null;
    handlers.monte_carlo = (args) => {
      channel = args.onProgress as Channel<MonteCarloProgress>;
      return new Promise((resolve) => (finish = resolve));
    };
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-mc"));
    expect(screen.getByTestId("mc-iterations")).toHaveValue(10000);
    await fireEvent.click(screen.getByTestId("mc-run"));
    await settle();
    expect(calls.find((c) => c.cmd === "monte_carlo")?.args).toMatchObject({ iterations: 10000, seed: 42 });
    channel!.onmessage({ done: 2500, total: 10000 });
    await settle();
    const bar = screen.getByTestId("mc-progress");
    expect(bar).toHaveAttribute("role", "progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "25");
    expect(screen.getByTestId("mc-progress-text")).toHaveTextContent("2,500 of 10,000 iterations");
    expect(screen.getByTestId("mc-cancel")).toBeInTheDocument();
    finish({ status: "finished", result: monteCarloResult() });
    await settle();
    expect(screen.queryByTestId("mc-progress")).toBeNull();
    expect(screen.getByTestId("mc-p10-dealer")).toHaveTextContent("\u2212120,331");
    expect(screen.getByTestId("mc-p50-maker")).toHaveTextContent("1,790,501");
    expect(screen.getByTestId("mc-p90-maker")).toHaveTextContent("3,120,400");
    expect(screen.getByTestId("mc-pnpv-dealer")).toHaveTextContent("87.4 %");
    expect(screen.getByTestId("mc-phurdle-dealer")).toHaveTextContent("71.2 %");
    const rows = screen.getByTestId("mc-histogram-table").querySelectorAll("tbody tr");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toHaveTextContent("4,020");
  });

  it("cancels a run and says how far it got", async () => {
    let finish: (outcome: MonteCarloOutcome) => void = () => {};
    handlers.monte_carlo = () => new Promise((resolve) => (finish = resolve));
    handlers.cancel_monte_carlo = () => {
      finish({ status: "cancelled", done: 3150, total: 10000 });
      return true;
    };
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-mc"));
    await fireEvent.click(screen.getByTestId("mc-run"));
    await settle();
    await fireEvent.click(screen.getByTestId("mc-cancel"));
    await settle();
    expect(calls.some((c) => c.cmd === "cancel_monte_carlo")).toBe(true);
    expect(screen.getByTestId("mc-cancelled")).toHaveTextContent("Cancelled after 3,150 of 10,000 iterations.");
    expect(screen.queryByTestId("mc-cancel")).toBeNull();
  });

  it("draws the histogram on a round value axis with P10, P50, P90 and 0 marked", async () => {
    const result = monteCarloResult();
    const option = await drawnMonteCarlo(result, "Histogram of the cash NPV");
    const xAxis = option.xAxis as { type: string; axisLabel: { formatter: (v: number) => string } };
    // A value axis labels round amounts, not the bins' edges.
    expect(xAxis.type).toBe("value");
    expect(xAxis.axisLabel.formatter(-2000000)).toBe("\u22122m");
    const series = (option.series as { data: number[][]; barWidth: string; markLine: { data: { xAxis: number; label: { formatter?: string; show?: boolean } }[] } }[])[0];
    // Each bar stands at its bin's centre; the first bin is −500,000 to 0.
    expect(series.data).toEqual([[-250000, 1260], [250000, 3100], [750000, 4020], [1250000, 1620]]);
    const lines = series.markLine.data.map((line) => [line.xAxis, line.label.formatter ?? null]);
    // The first party (maker) is shown until another is chosen.
    expect(lines).toEqual([
      [0, null],
      [410220.4, "P10 410.2k"],
      [1790500.9, "P50 1.8m"],
      [3120400.2, "P90 3.1m"],
    ]);
  });

  it("ranks the chosen party's drivers by |ρ| on a fixed −1..1 axis, with their table", async () => {
    const result = monteCarloResult();
    // Shuffled: the panel sorts by |ρ| itself.
    result.parties[1].drivers.reverse();
    const option = await drawnMonteCarlo(result, "Rank correlation of each driver with the cash NPV", "dealer");
    expect(screen.getByTestId("mc-drivers-title")).toHaveTextContent("Drivers that matter most");
    expect(screen.getByTestId("mc-drivers-note")).toHaveTextContent("how closely the NPV moves with the input across iterations");
    const rows = [...screen.getByTestId("mc-drivers-table").querySelectorAll("tbody tr")].map((row) => row.textContent);
    expect(rows).toEqual([
      "FX rate level (years 1..N)\u22120.72",
      "Retail price+0.40",
      "Kit FOB price\u22120.30",
      "Unit growth+0.09",
      "Units+0.07",
      "Local inflation0.00",
    ]);
    expect(screen.getByTestId("mc-drivers-table")).toHaveTextContent("Drivers of Nairobi");
    expect(option.xAxis).toMatchObject({ type: "value", min: -1, max: 1 });
    // The category axis runs bottom-up: the strongest driver is last, drawn on top.
    expect((option.yAxis as { data: string[] }).data.at(-1)).toBe("FX rate level (years 1..N)");
    expect((option.series as { data: number[] }[])[0].data.at(-1)).toBe(-0.725);
  });
});

describe("analysis: entry modes", () => {
  it("shows the manufacturer's NPV, IRR and capital at risk under each mode", async () => {
    handlers.compare_entry_modes = () => entryModes();
    render(AnalysisSection);
    await fireEvent.click(screen.getByTestId("analysis-tab-entry"));
    await fireEvent.click(screen.getByTestId("entry-run"));
    await settle();
    expect(screen.getByTestId("entry-npv-joint_venture")).toHaveTextContent("1,843,221");
    expect(screen.getByTestId("entry-irr-direct_export")).toHaveTextContent("45.1 %");
    expect(screen.getByTestId("entry-irr-licensing")).toHaveTextContent("no cash invested");
    expect(screen.getByTestId("entry-capital-wholly_owned")).toHaveTextContent("250,000");
    expect(screen.getByTestId("entry-p10-joint_venture")).toHaveTextContent("run a simulation");
  });
});

describe("analysis in the editor", () => {
  it("is the seventh section, after Financing & exit, reached with Alt+7", async () => {
    const { default: Editor } = await import("../editor/Editor.svelte");
    render(Editor);
    const names = [...screen.getByTestId("editor-nav").querySelectorAll("button")].map((b) => b.dataset.testid);
    expect(names.slice(-2)).toEqual(["section-financing", "section-analysis"]);
    await fireEvent.keyDown(window, { code: "Digit7", key: "7", altKey: true });
    await settle();
    expect(screen.getByTestId("editor-section-title")).toHaveTextContent("Analysis");
    expect(screen.getByTestId("analysis")).toBeInTheDocument();
  });
});
