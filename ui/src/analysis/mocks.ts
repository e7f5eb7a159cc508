// Small, realistic answers of the analysis commands for the Kenya example (two parties,
// maker and dealer, USD), shared by the component tests and the browser mock backend.
import type { EntryModes, GoalSeek, MonteCarloResult, ScenarioRun, Tornado } from "../lib/bindings";

export function scenarioRun(): ScenarioRun {
  const figures = (makerNpv: string, makerIrr: string | null, dealerNpv: string, dealerIrr: string | null) => [
    { id: "maker", npv_cash: makerNpv, irr_cash: makerIrr, moic_cash: "3.1", npv_economic: makerNpv, irr_economic: makerIrr },
    { id: "dealer", npv_cash: dealerNpv, irr_cash: dealerIrr, moic_cash: "2.4", npv_economic: dealerNpv, irr_economic: dealerIrr },
  ];
  return {
    reporting_currency: "USD",
    local_currency: "KES",
    scenarios: [
      { name: "Base case", description: "The deal as entered.", parties: figures("1843220.51", "0.3125", "612480.12", "0.2241"), jv_cash_low_point: "-150000", jv_cash_low_year: 1, error: null },
      { name: "Currency shock", description: "KES loses 30 % in year 2.", parties: figures("905110.4", "0.1988", "-84210.77", null), jv_cash_low_point: "-420000", jv_cash_low_year: 2, error: null },
      { name: "Volume −30 %", description: "Units 30 % lower every year.", parties: [], jv_cash_low_point: null, jv_cash_low_year: null, error: "The changed deal is invalid: units must be positive." },
    ],
    skipped: [{ name: "Loan rate +5 points", reason: "The deal has no loan." }],
  };
}

export function tornadoResult(): Tornado {
  return {
    party: "dealer",
    metric: "npv",
    view: "cash",
    base: "612480.12",
    bars: [
      { driver: "dealer_margin", label: "Dealer margin", unit: "rate", base_input: "0.12", low_input: "0.096", high_input: "0.144", low: "402110.5", high: "822849.74", swing: "420739.24" },
      { driver: "units", label: "Units", unit: "count", base_input: "1200", low_input: "960", high_input: "1440", low: "498000", high: "726960.24", swing: "228960.24" },
    ],
  } as Tornado;
}

export function goalSeekResult(solved = true): GoalSeek {
  return {
    input: "dealer_margin",
    label: "Dealer margin",
    unit: "rate",
    base_input: "0.12",
    target: { party: "dealer", metric: "irr", view: "cash", value: "0.2" },
    base_metric: "0.2241",
    low: "0",
    high: "0.5",
    tolerance: "0.00001",
    outcome: solved
      ? { status: "solved", value: "0.0497", metric: "0.20000", evaluations: 14 }
      : { status: "no_solution", reason: "the IRR stays above 20 % at every margin", metric_at_low: "0.21", metric_at_high: "0.35" },
  };
}

export function monteCarloResult(): MonteCarloResult {
  const party = (id: string, p10: number, p50: number, p90: number) => ({
    party: id,
    hurdle: 0.15,
    npv_cash: { p10, p50, p90 },
    npv_economic: { p10, p50, p90 },
    irr_cash: { p10: 0.08, p50: 0.21, p90: 0.33 },
    irr_economic: { p10: 0.08, p50: 0.21, p90: 0.33 },
    no_irr_cash: 12,
    no_irr_economic: 12,
    p_npv_positive: 0.874,
    p_irr_above_hurdle: 0.712,
    histogram: [
      { lower: -500000, upper: 0, count: 1260 },
      { lower: 0, upper: 500000, count: 3100 },
      { lower: 500000, upper: 1000000, count: 4020 },
      { lower: 1000000, upper: 1500000, count: 1620 },
    ],
    drivers: [{ driver: "dealer_margin", label: "Dealer margin", rho: 0.71 }],
  });
  return {
    iterations: 10000,
    seed: 42,
    invalid: 0,
    first_invalid: null,
    parties: [party("maker", 410220.4, 1790500.9, 3120400.2), party("dealer", -120330.6, 598200.1, 1300450.7)],
  };
}

export function entryModes(): EntryModes {
  const mode = (m: EntryModes["modes"][number]["mode"], label: string, npv: string | null, irr: string | null, note: string | null) => ({
    mode: m,
    label,
    assumptions: `${label}: default options.`,
    npv_cash: npv,
    irr_cash: irr,
    irr_note: note,
    capital_at_risk: "250000",
    monte_carlo_p10: null,
    p10_note: "run a simulation",
    flows: [],
    warnings: [],
    error: null,
  });
  return {
    party: "maker",
    currency: "USD",
    options: { cbu_duty_difference: "0.15" },
    cbu_fob_price: "2900",
    modes: [
      mode("direct_export", "Direct export", "704300.2", "0.4512", null),
      mode("licensing", "Licensing", "388120", null, "no cash invested"),
      mode("joint_venture", "Joint venture", "1843220.51", "0.3125", null),
      mode("wholly_owned", "Wholly owned", "1204998.3", "0.1702", null),
    ],
  };
}

/** Answers of every analysis command, for mock backends (the Monte Carlo one reports its
 *  progress once, at the end, as the real command does last). */
export function analysisDefaults(): Record<string, (args: any) => unknown> {
  return {
    run_scenarios: () => scenarioRun(),
    tornado: () => tornadoResult(),
    goal_seek: () => goalSeekResult(),
    compare_entry_modes: () => entryModes(),
    monte_carlo: (args: { iterations?: number; onProgress?: { onmessage?: (p: unknown) => void } }) => {
      const total = args?.iterations ?? 10000;
      args?.onProgress?.onmessage?.({ done: total, total });
      return { status: "finished", result: { ...monteCarloResult(), iterations: total } };
    },
    cancel_monte_carlo: () => false,
  };
}
