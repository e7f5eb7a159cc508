// Small, realistic answers of the analysis commands for the Kenya example (two parties,
// maker and dealer, USD), shared by the component tests and the browser mock backend.
import type { AnalysisDrivers, BuiltinScenarios, EntryModes, FairSplit, GoalSeek, MarketComparison, MonteCarloResult, PresetSummary, ScenarioRun, Tornado } from "../lib/bindings";
// The real `analysis_drivers` answer for Kenya, written by src-tauri/tests/generated.rs.
import kenyaDrivers from "../../tests/fixtures/kenya-analysis-drivers.json";
// The real `builtin_scenarios` answer for Kenya, written by src-tauri/tests/generated.rs.
import kenyaBuiltins from "../../tests/fixtures/kenya-builtin-scenarios.json";

/** The engine's built-in scenarios for Kenya (a fresh copy). */
export function builtinScenarios(): BuiltinScenarios {
  return structuredClone(kenyaBuiltins) as BuiltinScenarios;
}

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
    changes: solved ? [{ path: "agreements.distribution.dealer_margin", value: "0.0497" }] : [],
  };
}

export function monteCarloResult(): MonteCarloResult {
  // Rank correlations as `jv montecarlo examples/kenya-e3w-ckd.jvdeal --iterations 10000
  // --seed 42` gives them (rounded), largest |ρ| first as the engine sorts them.
  type Rho = [driver: string, label: string, rho: number | null];
  const party = (id: string, p10: number, p50: number, p90: number, rhos: Rho[]) => ({
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
    drivers: rhos.map(([driver, label, rho]) => ({ driver, label, rho })),
  });
  return {
    iterations: 10000,
    seed: 42,
    invalid: 0,
    first_invalid: null,
    parties: [
      party("maker", 410220.4, 1790500.9, 3120400.2, [
        ["fx_level", "FX rate level (years 1..N)", -0.7095],
        ["retail_price", "Retail price", 0.3986],
        ["kit_fob_price", "Kit FOB price", -0.2695],
        ["unit_growth", "Unit growth", 0.1469],
        ["units", "Units", 0.1177],
        ["inflation", "Local inflation", 0.0184],
      ]),
      party("dealer", -120330.6, 598200.1, 1300450.7, [
        ["fx_level", "FX rate level (years 1..N)", -0.725],
        ["retail_price", "Retail price", 0.3984],
        ["kit_fob_price", "Kit FOB price", -0.3042],
        ["unit_growth", "Unit growth", 0.0891],
        ["units", "Units", 0.0724],
        ["inflation", "Local inflation", -0.0037],
      ]),
    ],
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
    options: { cbu_duty_difference: "0.15", p10_iterations: 2000, p10_seed: 42 },
    p10_spec: "default",
    cbu_fob_price: "2900",
    modes: [
      mode("direct_export", "Direct export", "704300.2", "0.4512", null),
      mode("licensing", "Licensing", "388120", null, "no cash invested"),
      mode("joint_venture", "Joint venture", "1843220.51", "0.3125", null),
      mode("wholly_owned", "Wholly owned", "1204998.3", "0.1702", null),
    ],
  };
}

export function fairSplitResult(): FairSplit {
  const party = (id: string, share: string, value: string, npv: string, ratio: string | null, irr: string | null, margin: string | null) => ({
    id,
    share,
    value_contributed: value,
    npv_economic: npv,
    ratio,
    irr_economic: irr,
    hurdle: "0.15",
    margin,
  });
  return {
    technology_partner: "maker",
    current: [party("maker", "0.5", "1200000", "1843220.51", "1.536", "0.3125", "0.1625"), party("dealer", "0.5", "800000", "612480.12", "0.7656", "0.2241", "0.0741")],
    by_value: {
      outcome: { status: "solved", value: "0.4183", metric: "0", evaluations: 9 },
      parties: [party("maker", "0.4183", "1200000", "1510300.2", "1.2586", "0.2744", "0.1244"), party("dealer", "0.5817", "800000", "1006880.4", "1.2586", "0.2903", "0.1403")],
    },
    by_hurdle: {
      outcome: { status: "no_solution", reason: "the margins do not meet between 1 % and 99 %", metric_at_low: null, metric_at_high: null },
      parties: [],
    },
    curve: {
      npv_economic: "1843220.51",
      current_royalty: "0.03",
      current_share: "0.5",
      points: [
        { royalty_rate: "0", share: "0.612", current: false, note: null },
        { royalty_rate: "0.03", share: "0.5", current: true, note: null },
        { royalty_rate: "0.06", share: "0.371", current: false, note: null },
        { royalty_rate: "0.09", share: null, current: false, note: "no share from 1 % to 99 % keeps the NPV" },
      ],
    },
  } as FairSplit;
}

export function marketPresets(): PresetSummary[] {
  const preset = (country: string, name: string, currency: string) =>
    ({ country, name, currency, version: "2026.1", origin: "shipped", newer_shipped: null, user_saved_at: null }) as PresetSummary;
  return [preset("KE", "Kenya", "KES"), preset("NG", "Nigeria", "NGN"), preset("TZ", "Tanzania", "TZS")];
}

export function marketComparison(): MarketComparison {
  const figures = (makerNpv: string, makerIrr: string | null, dealerNpv: string, dealerIrr: string | null) => [
    { id: "maker", npv_cash: makerNpv, irr_cash: makerIrr, moic_cash: "3.1", npv_economic: makerNpv, irr_economic: makerIrr },
    { id: "dealer", npv_cash: dealerNpv, irr_cash: dealerIrr, moic_cash: "2.4", npv_economic: dealerNpv, irr_economic: dealerIrr },
  ];
  return {
    reporting_currency: "USD",
    markets: [
      { country: "KE", name: "Kenya", currency: "KES", fx_spot: "129", parties: figures("1843220.51", "0.3125", "612480.12", "0.2241"), jv_cash_low_point: "-19350000", jv_cash_low_year: 1, warnings: [] },
      {
        country: "NG",
        name: "Nigeria",
        currency: "NGN",
        fx_spot: "1500",
        parties: figures("702113.9", "0.1810", "-45120.5", null),
        jv_cash_low_point: "-310000000",
        jv_cash_low_year: 2,
        warnings: [
          { code: "ckd_technology_fee", message: "Technology fees refused on CKD assembly." },
          { code: "fx_repatriation", message: "Dividends wait for FX." },
        ],
      },
    ],
  } as MarketComparison;
}

/** Answers of every analysis command, for mock backends (the Monte Carlo one reports its
 *  progress once, at the end, as the real command does last). */
export function analysisDefaults(): Record<string, (args: any) => unknown> {
  return {
    run_scenarios: () => scenarioRun(),
    builtin_scenarios: () => builtinScenarios(),
    tornado: () => tornadoResult(),
    goal_seek: () => goalSeekResult(),
    compare_entry_modes: () => entryModes(),
    fair_split: () => fairSplitResult(),
    analysis_drivers: () => structuredClone(kenyaDrivers) as AnalysisDrivers,
    compare_markets: () => marketComparison(),
    monte_carlo: (args: { iterations?: number; onProgress?: { onmessage?: (p: unknown) => void } }) => {
      const total = args?.iterations ?? 10000;
      args?.onProgress?.onmessage?.({ done: total, total });
      return { status: "finished", result: { ...monteCarloResult(), iterations: total } };
    },
    cancel_monte_carlo: () => false,
  };
}
