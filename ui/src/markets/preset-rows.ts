// A preset as rows people read: each value with its label, the value as the editor would
// show it ("30 %", "no limit", "unknown"), its source, date and note. The panel lists them;
// the editor edits the same keys.
import { t } from "../lib/i18n/index.svelte";
import { fieldLabel, formatValue } from "./fields";
import type { MarketPreset, PresetValue, Treaty } from "./types";

export type RowState = "value" | "none" | "unknown";

export type PresetRow = {
  /** Where the value sits in the preset, e.g. `values.dividend_withholding.non_resident`. */
  key: string;
  label: string;
  value: string;
  state: RowState;
  source: string;
  as_of: string;
  note: string | null;
};

/** What "none" (or an empty optional field) means for a field: "no limit", "lost"… */
export function noneMeaning(field: string): string {
  return t(NONE_MEANS[field] ?? "editor.market.none");
}

const NONE_MEANS: Record<string, string> = {
  loss_carry_forward_years: "editor.market.no_limit",
  interest_deduction_limit: "editor.market.no_limit",
  interest_carry_forward_years: "editor.market.interest_lost",
  capital_gains_tax_rate: "editor.market.none",
  fx_depreciation: "editor.market.fx_depreciation_empty",
  foreign_ownership_limit: "editor.market.no_limit",
};

/** The plain value fields of `values`, in the editor's order. */
export const SIMPLE_FIELDS = [
  "fx_spot",
  "fx_depreciation",
  "inflation",
  "corporate_tax_rate",
  "tax_holiday_years",
  "loss_carry_forward_years",
  "interest_deduction_limit",
  "interest_carry_forward_years",
  "capital_gains_tax_rate",
  "amortisation_deductible",
  "dividend_withholding.resident",
  "dividend_withholding.non_resident",
  "royalty_withholding.resident",
  "royalty_withholding.non_resident",
  "import_duty_kits",
  "other_import_levies",
  "foreign_ownership_limit",
] as const;

export const REFERENCE_FIELDS = [
  "vat_rate",
  "import_duty_vehicles",
  "country_risk_premium",
  "default_spread",
  "equity_risk_premium",
  "sovereign_rating",
] as const;

function stateOf(value: string | null | undefined): RowState {
  return value === "unknown" ? "unknown" : value === "none" ? "none" : "value";
}

function simple(field: string, entry: PresetValue): PresetRow {
  const state = stateOf(entry.value);
  const value =
    state === "unknown"
      ? t("markets.panel.unknown")
      : state === "none"
        ? t(NONE_MEANS[field] ?? "editor.market.none")
        : formatValue(field, entry.value);
  return { key: `values.${field}`, label: fieldLabel(field), value, state, source: entry.source, as_of: entry.as_of, note: entry.note ?? null };
}

function get(preset: MarketPreset, field: string): PresetValue {
  const [head, tail] = field.split(".");
  const node = (preset.values as unknown as Record<string, unknown>)[head];
  return (tail ? (node as Record<string, PresetValue>)[tail] : node) as PresetValue;
}

/** The values a deal copies, one row each; the three compound ones read as one line. */
export function valueRows(preset: MarketPreset): PresetRow[] {
  const rows = SIMPLE_FIELDS.map((field) => simple(field, get(preset, field)));
  const v = preset.values;

  const incentive = v.tax_incentive;
  const incentiveState = stateOf(incentive.value ?? null);
  rows.splice(rows.findIndex((r) => r.key === "values.tax_holiday_years"), 0, {
    key: "values.tax_incentive",
    label: fieldLabel("tax_incentive"),
    value:
      incentiveState === "value"
        ? t("markets.panel.incentive", { rate: formatValue("corporate_tax_rate", incentive.rate ?? null), years: incentive.years ?? "—" })
        : incentiveState === "unknown"
          ? t("markets.panel.unknown")
          : t("editor.market.none"),
    state: incentiveState,
    source: incentive.source,
    as_of: incentive.as_of,
    note: incentive.note ?? null,
  });

  const reserve = v.legal_reserve;
  const reserveState = stateOf(reserve.value ?? null);
  rows.push({
    key: "values.legal_reserve",
    label: fieldLabel("legal_reserve"),
    value:
      reserveState === "value"
        ? t("markets.panel.reserve", {
            share: formatValue("corporate_tax_rate", reserve.share_of_profit ?? null),
            cap: formatValue("corporate_tax_rate", reserve.cap_share_of_capital ?? null),
          })
        : reserveState === "unknown"
          ? t("markets.panel.unknown")
          : t("editor.market.none"),
    state: reserveState,
    source: reserve.source,
    as_of: reserve.as_of,
    note: reserve.note ?? null,
  });

  const cap = v.royalty_cap;
  const capState = stateOf(cap.value ?? null);
  rows.push({
    key: "values.royalty_cap",
    label: fieldLabel("royalty_cap"),
    value:
      capState === "value"
        ? [
            t("markets.panel.cap", { rate: formatValue("corporate_tax_rate", cap.rate ?? null) }),
            formatValue("royalty_cap.kind", cap.kind ?? null),
            cap.covers_fees ? t("markets.panel.capCoversFees") : "",
          ]
            .filter(Boolean)
            .join("; ")
        : capState === "unknown"
          ? t("markets.panel.unknown")
          : t("editor.market.none"),
    state: capState,
    source: cap.source,
    as_of: cap.as_of,
    note: cap.note ?? null,
  });
  return rows;
}

/** Values shown for reference only (VAT, country risk…). */
export function referenceRows(preset: MarketPreset): PresetRow[] {
  return REFERENCE_FIELDS.map((field) => {
    const entry = preset.reference[field];
    const state = stateOf(entry.value);
    const value =
      state === "unknown"
        ? t("markets.panel.unknown")
        : state === "none"
          ? t("editor.market.none")
          : field === "sovereign_rating"
            ? entry.value
            : formatValue("corporate_tax_rate", entry.value);
    return { key: `reference.${field}`, label: t(`markets.reference.${field}`), value, state, source: entry.source, as_of: entry.as_of, note: entry.note ?? null };
  });
}

/** Treaty partners by code, sorted. */
export function treatyList(preset: MarketPreset): [string, Treaty][] {
  return Object.entries(preset.treaties ?? {})
    .filter((entry): entry is [string, Treaty] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** One treaty rate as read: "7.5 %", "domestic rate" (not in force), "unknown". */
export function treatyRate(entry: PresetValue): string {
  const state = stateOf(entry.value);
  if (state === "unknown") return t("markets.panel.unknown");
  if (state === "none") return t("markets.panel.domestic");
  return formatValue("corporate_tax_rate", entry.value);
}

/** Whole months a value is old when it is older than 12 months (as the app's data-age
 *  check counts: a month or year from its first day), else null. */
export function staleMonths(asOf: string, today = new Date()): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(asOf.trim());
  if (!m) return null;
  const from = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const now = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  const key = (d: number[]) => d[0] * 10000 + d[1] * 100 + d[2];
  if (key(now) <= key([from[0] + 1, from[1], from[2]])) return null;
  const months = now[0] * 12 + now[1] - (from[0] * 12 + from[1]);
  return now[2] < from[2] ? months - 1 : months;
}
