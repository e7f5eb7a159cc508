// Editing a preset: a blank one for a new country (every value unknown until the user gives
// it with its source), the checks the preset file's rules make (so the user sees them beside
// the value before saving), and filling empty sources in one go.
import { t } from "../lib/i18n/index.svelte";
import { REFERENCE_FIELDS, SIMPLE_FIELDS } from "./preset-rows";
import type { MarketPreset, PresetValue } from "./types";

export const COUNTRY = /^[A-Z]{2}$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const VERSION = /^[0-9]{4}-[0-9]{2}$/;
export const AS_OF = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
export const SOURCE = /^https?:\/\/[^\s]+$/;
export const VALUE = /^(unknown|none|true|false|-?[0-9]+(\.[0-9]+)?)$/;
export const RATING = /^[A-Za-z0-9+-]+$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** This month, `YYYY-MM`: a new preset's version. */
export function thisMonth(today = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
}

function unknown(): PresetValue {
  return { value: "unknown", source: "", as_of: "" };
}

/** A preset for a new country: every value unknown, no source yet, no rules. */
export function blankPreset(): MarketPreset {
  const v = unknown;
  return {
    schema_version: 1,
    country: "",
    name: "",
    currency: "",
    version: thisMonth(),
    summary: "",
    values: {
      corporate_tax_rate: v(),
      tax_incentive: { value: "unknown", source: "", as_of: "" },
      tax_holiday_years: v(),
      loss_carry_forward_years: v(),
      interest_deduction_limit: v(),
      interest_carry_forward_years: v(),
      amortisation_deductible: v(),
      dividend_withholding: { resident: v(), non_resident: v() },
      royalty_withholding: { resident: v(), non_resident: v() },
      capital_gains_tax_rate: v(),
      import_duty_kits: v(),
      other_import_levies: v(),
      inflation: v(),
      fx_spot: v(),
      fx_depreciation: v(),
      legal_reserve: { value: "unknown", source: "", as_of: "" },
      royalty_cap: { value: "unknown", source: "", as_of: "" },
      foreign_ownership_limit: v(),
    },
    reference: {
      vat_rate: v(),
      import_duty_vehicles: v(),
      country_risk_premium: v(),
      default_spread: v(),
      equity_risk_premium: v(),
      sovereign_rating: v(),
    },
    treaties: {},
    rules: [],
  };
}

/** Every sourced entry of a preset with its key (`values.royalty_cap`, `treaties.CN.dividends`). */
export function sourcedEntries(preset: MarketPreset): [string, { source: string; as_of: string }][] {
  const out: [string, { source: string; as_of: string }][] = [];
  for (const field of SIMPLE_FIELDS) {
    const [head, tail] = field.split(".");
    const node = (preset.values as unknown as Record<string, Record<string, PresetValue>>)[head];
    out.push([`values.${field}`, (tail ? node[tail] : node) as unknown as PresetValue]);
  }
  out.push(["values.tax_incentive", preset.values.tax_incentive]);
  out.push(["values.legal_reserve", preset.values.legal_reserve]);
  out.push(["values.royalty_cap", preset.values.royalty_cap]);
  for (const [partner, treaty] of Object.entries(preset.treaties ?? {})) {
    if (!treaty) continue;
    out.push([`treaties.${partner}.dividends`, treaty.dividends]);
    out.push([`treaties.${partner}.royalties`, treaty.royalties]);
  }
  for (const field of REFERENCE_FIELDS) out.push([`reference.${field}`, preset.reference[field]]);
  return out;
}

export type Problem = { key: string; message: string };

/** What the preset file's rules would refuse, each at the key of the input to fix. */
export function problems(preset: MarketPreset): Problem[] {
  const out: Problem[] = [];
  const say = (key: string, message: string, params: Record<string, string> = {}) =>
    out.push({ key, message: t(`markets.editor.problems.${message}`, params) });

  if (!COUNTRY.test(preset.country)) say("country", "country");
  if (preset.name.trim() === "") say("name", "name");
  if (!CURRENCY.test(preset.currency)) say("currency", "currency");
  if (!VERSION.test(preset.version)) say("version", "version");
  if (preset.summary.trim() === "") say("summary", "summary");

  for (const [key, entry] of sourcedEntries(preset)) {
    if (!SOURCE.test(entry.source.trim())) say(`${key}.source`, "source");
    if (!AS_OF.test(entry.as_of.trim())) say(`${key}.as_of`, "asOf");
    const value = (entry as PresetValue).value;
    if (key === "reference.sovereign_rating") {
      if (!RATING.test(value)) say(`${key}.value`, "rating");
    } else if (typeof value === "string" && !VALUE.test(value)) say(`${key}.value`, "value");
  }

  const { tax_incentive: incentive, legal_reserve: reserve, royalty_cap: cap } = preset.values;
  if (!incentive.value) {
    if (!DECIMAL.test(incentive.rate ?? "")) say("values.tax_incentive.rate", "value");
    if (!Number.isInteger(incentive.years)) say("values.tax_incentive.years", "value");
  }
  if (!reserve.value) {
    if (!DECIMAL.test(reserve.share_of_profit ?? "")) say("values.legal_reserve.share_of_profit", "value");
    if (!DECIMAL.test(reserve.cap_share_of_capital ?? "")) say("values.legal_reserve.cap_share_of_capital", "value");
  }
  if (!cap.value) {
    if (!cap.kind) say("values.royalty_cap.kind", "value");
    if (!DECIMAL.test(cap.rate ?? "")) say("values.royalty_cap.rate", "value");
  }
  for (const partner of Object.keys(preset.treaties ?? {}))
    if (!COUNTRY.test(partner)) say(`treaties.${partner}`, "partner", { partner });
  return out;
}

/** Gives every entry without a source (or date) the one given; returns how many changed. */
export function fillSources(preset: MarketPreset, source: string, asOf: string): number {
  let changed = 0;
  for (const [, entry] of sourcedEntries(preset)) {
    let touched = false;
    if (source.trim() !== "" && entry.source.trim() === "") {
      entry.source = source.trim();
      touched = true;
    }
    if (asOf.trim() !== "" && entry.as_of.trim() === "") {
      entry.as_of = asOf.trim();
      touched = true;
    }
    if (touched) changed += 1;
  }
  return changed;
}
