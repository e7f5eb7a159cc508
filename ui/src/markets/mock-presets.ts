// For the mock backend and the tests only: what the Rust side does with a preset, redone in
// TypeScript over the same data (jv_markets::apply_preset and the store's input diff), so
// the browser test and component tests see the changes, unknown values and provenance the
// app really produces. Never used by the real app.
import type { Deal } from "../lib/bindings";
import type { InputChange, MarketPreset, PresetSummary, PresetValue, Treaty, ValueSource } from "./types";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every changed leaf between two JSON trees, in the order of `before` then what `after`
 *  adds; strings unquoted, subtrees as compact JSON, null as absent (compare.rs). */
export function leafChanges(before: unknown, after: unknown): InputChange[] {
  const out: InputChange[] = [];
  walk("", before as Json | undefined, after as Json | undefined, out);
  return out;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function walk(path: string, a: Json | undefined, b: Json | undefined, out: InputChange[]) {
  if (isObject(a) && isObject(b)) {
    const child = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(a)) walk(child(key), a[key], b[key], out);
    for (const key of Object.keys(b)) if (!(key in a)) walk(child(key), undefined, b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  const text = (v: Json | undefined) => (v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));
  if (text(a) !== text(b)) out.push({ path, before: text(a), after: text(b) });
}

const RATE = /^-?\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

export type MockApplied = { deal: Deal; unknown: string[]; cleared: string[]; moved: string[]; rebased: string[] };

/** The AppError apply_market_preset answers when the currency changes without a rate. */
export function needsFxSpot(deal: Deal, preset: MarketPreset) {
  const message = `the ${preset.country} preset has no ${deal.reporting_currency}/${preset.currency} spot rate: enter today's rate`;
  return { code: "needs_fx_spot", message, fields: [{ path: "market.fx_spot", message }] };
}

/** Copies a preset into a deal's market as jv_markets::apply_preset_with does: moves the
 *  local partners, and with a new currency converts the local-currency amounts at the two
 *  rates of the year each is for (throws needs_fx_spot without a rate). */
export function applyPreset(source: Deal, preset: MarketPreset, fxSpot: string | null = null): MockApplied {
  const changedCurrency = source.market.currency !== preset.currency;
  if (changedCurrency && !fxSpot) throw needsFxSpot(source, preset);
  const copied = copyMarket(source, preset, fxSpot);
  if (changedCurrency) copied.rebased = rebase(source, copied.deal);
  return copied;
}

/** The exchange rate by year 0..N as the engine's timeline reads the market. */
function fxByYear(deal: Deal): number[] {
  const m = deal.market;
  const n = Number(deal.horizon_years ?? 10);
  if (m.fx_path && m.fx_path.length > n) return m.fx_path.map(Number);
  const spot = Number(m.fx_spot);
  const rcy = Number(deal.reporting_inflation ?? 0);
  const out = [spot];
  for (let t = 1; t <= n; t++) {
    const pi = Number(m.inflation_path?.[t - 1] ?? m.inflation);
    const step = m.fx_depreciation != null ? 1 + Number(m.fx_depreciation) : (1 + pi) / (1 + rcy);
    out.push(out[t - 1] * step);
  }
  return out;
}

function rebase(before: Deal, after: Deal): string[] {
  const [old, now] = [fxByYear(before), fxByYear(after)];
  const paths: string[] = [];
  const convert = (holder: any, key: string, year: number, path: string) => {
    const amount = Number(holder?.[key]);
    if (!holder || !Number.isFinite(amount) || amount === 0) return;
    const t = Math.min(year, old.length - 1, now.length - 1);
    const exact = (amount * now[t]) / old[t];
    holder[key] = String(Math.abs(exact) < 100 ? Math.round(exact * 100) / 100 : Math.round(exact));
    paths.push(path);
  };
  const plan = after.plan as any;
  for (const key of ["retail_price", "local_parts_per_unit", "wage_per_hour", "fixed_overhead"]) convert(plan, key, 1, `plan.${key}`);
  (plan.capex ?? []).forEach((item: any, i: number) => convert(item, "amount", Number(item.year ?? 0), `plan.capex[${i}].amount`));
  convert(plan, "maintenance_capex", 1, "plan.maintenance_capex");
  const financing = after.financing as any;
  if (financing?.loan) convert(financing.loan, "amount", Number(financing.loan.drawdown_year ?? 0), "financing.loan.amount");
  convert(financing, "minimum_cash", 0, "financing.minimum_cash");
  return paths;
}

function copyMarket(source: Deal, preset: MarketPreset, fxSpot: string | null): MockApplied {
  const deal = JSON.parse(JSON.stringify(source)) as Deal;
  const moved: string[] = [];
  if (deal.market.country !== preset.country)
    for (const party of deal.parties)
      if (party.role === "local_partner" && party.home_country === deal.market.country) {
        party.home_country = preset.country;
        moved.push(party.id);
      }
  const market = deal.market as unknown as Record<string, any>;
  const homes: string[] = [];
  for (const party of deal.parties) if (party.home_country !== preset.country && !homes.includes(party.home_country)) homes.push(party.home_country);
  const changedCountry = market.country !== preset.country;
  const changedCurrency = market.currency !== preset.currency;
  market.country = preset.country;
  market.name = preset.name;
  market.currency = preset.currency;

  const provenance: ValueSource[] = [];
  const unknown: string[] = [];
  const known = (field: string, v: { source: string; as_of: string }) => provenance.push({ field, source: v.source, as_of: v.as_of });
  const v = preset.values as unknown as Record<string, any>;

  const single = (field: string, kind: "rate" | "optional_rate" | "whole" | "optional_whole" | "flag") => {
    const [head, tail] = field.split(".");
    const entry: PresetValue = tail ? v[head][tail] : v[head];
    const text = entry.value;
    let value: unknown;
    if (text === "none" && kind.startsWith("optional")) value = null;
    else if (kind === "flag" && (text === "true" || text === "false")) value = text === "true";
    else if ((kind === "whole" || kind === "optional_whole") && WHOLE.test(text)) value = Number(text);
    else if ((kind === "rate" || kind === "optional_rate") && RATE.test(text)) value = text;
    else {
      unknown.push(field);
      return;
    }
    if (tail) market[head][tail] = value;
    else market[head] = value;
    known(field, entry);
  };
  const block = (field: string, node: any, parts: string[]) => {
    if (node.value === "none") {
      market[field] = null;
      known(field, node);
    } else if (!node.value && parts.every((part) => node[part] !== undefined && node[part] !== null)) {
      market[field] = Object.fromEntries(parts.map((part) => [part, node[part]]));
      known(field, node);
    } else unknown.push(field);
  };

  single("corporate_tax_rate", "rate");
  block("tax_incentive", v.tax_incentive, ["rate", "years"]);
  single("tax_holiday_years", "whole");
  single("loss_carry_forward_years", "optional_whole");
  single("interest_deduction_limit", "optional_rate");
  single("interest_carry_forward_years", "optional_whole");
  single("amortisation_deductible", "flag");
  single("dividend_withholding.resident", "rate");
  single("dividend_withholding.non_resident", "rate");
  single("royalty_withholding.resident", "rate");
  single("royalty_withholding.non_resident", "rate");
  single("capital_gains_tax_rate", "optional_rate");
  single("import_duty_kits", "rate");
  single("other_import_levies", "rate");
  block("legal_reserve", v.legal_reserve, ["share_of_profit", "cap_share_of_capital"]);
  if (v.royalty_cap.value === "none" || v.royalty_cap.value === "unknown") block("royalty_cap", v.royalty_cap, []);
  else block("royalty_cap", { ...v.royalty_cap, covers_fees: v.royalty_cap.covers_fees ?? false }, ["kind", "rate", "covers_fees"]);
  single("inflation", "rate");
  single("fx_spot", "rate");
  single("fx_depreciation", "optional_rate");
  single("foreign_ownership_limit", "optional_rate");

  for (const [what, pick] of [
    ["dividend_withholding", (t: Treaty) => t.dividends],
    ["royalty_withholding", (t: Treaty) => t.royalties],
  ] as const) {
    const before = (market[what].treaties ?? []) as { country: string; rate: string }[];
    const rows: { country: string; rate: string }[] = [];
    const found: [string, PresetValue][] = [];
    for (const home of homes) {
      const field = `${what}.treaties.${home}`;
      const treaty = preset.treaties?.[home];
      const kept = before.filter((row) => row.country === home);
      const entry = treaty ? pick(treaty) : null;
      if (!treaty || !entry || entry.value === "unknown") {
        rows.push(...kept);
        unknown.push(field);
      } else if (treaty.status === "in_force" && RATE.test(entry.value)) {
        rows.push({ country: home, rate: entry.value });
        found.push([field, entry]);
      } else found.push([field, entry]);
    }
    market[what].treaties = rows;
    for (const [field, entry] of found) known(field, entry);
  }

  let spotKnown = provenance.some((p) => p.field === "fx_spot");
  if (fxSpot && !spotKnown) {
    market.fx_spot = fxSpot;
    unknown.splice(unknown.indexOf("fx_spot"), unknown.includes("fx_spot") ? 1 : 0);
    spotKnown = true;
  }
  const cleared: string[] = [];
  if ((provenance.some((p) => p.field === "inflation") || changedCountry) && market.inflation_path) {
    delete market.inflation_path;
    cleared.push("inflation_path");
  }
  if ((spotKnown || changedCurrency) && market.fx_path) {
    delete market.fx_path;
    cleared.push("fx_path");
  }
  market.rules = preset.rules ?? [];
  const sources: string[] = [];
  for (const s of [...provenance.map((p) => p.source), ...(preset.rules ?? []).map((r) => r.basis.source)])
    if (!sources.includes(s)) sources.push(s);
  market.sources = sources;
  market.provenance = provenance;
  market.preset = { country: preset.country, version: preset.version };
  return { deal, unknown, cleared, moved, rebased: [] };
}

/** The picker's line for a preset. */
export function summaryOf(preset: MarketPreset, origin: PresetSummary["origin"] = "shipped"): PresetSummary {
  return {
    country: preset.country,
    name: preset.name,
    currency: preset.currency,
    version: preset.version,
    origin,
    newer_shipped: null,
    user_saved_at: null,
  };
}
