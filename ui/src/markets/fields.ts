// The market's fields as people read them: a label (the editor's own wording) and the value
// formatted the way the editor shows it (rates as percents). Used where values are listed
// outside their input: the preset diff, the preset panel and editor.
import { t } from "../lib/i18n/index.svelte";
import { fractionToPercent, groupDigits } from "../lib/format/parse";

export type FieldKind = "percent" | "number" | "integer" | "text" | "bool" | "cap_kind" | "list";

type FieldInfo = { label: string; kind: FieldKind; group?: string };

const M = "editor.market";

/** Every market field a preset can fill, in the editor's order. */
export const MARKET_FIELDS: Record<string, FieldInfo> = {
  country: { label: `${M}.country`, kind: "text" },
  name: { label: `${M}.name`, kind: "text" },
  currency: { label: `${M}.currency`, kind: "text" },
  fx_spot: { label: `${M}.fx_spot`, kind: "number" },
  fx_depreciation: { label: `${M}.fx_depreciation`, kind: "percent" },
  inflation: { label: `${M}.inflation`, kind: "percent" },
  inflation_path: { label: `${M}.inflation_path`, kind: "list" },
  fx_path: { label: `${M}.fx_path`, kind: "list" },
  corporate_tax_rate: { label: `${M}.corporate_tax_rate`, kind: "percent" },
  tax_holiday_years: { label: `${M}.tax_holiday_years`, kind: "integer" },
  loss_carry_forward_years: { label: `${M}.loss_carry_forward_years`, kind: "integer" },
  interest_deduction_limit: { label: `${M}.interest_deduction_limit`, kind: "percent" },
  interest_carry_forward_years: { label: `${M}.interest_carry_forward_years`, kind: "integer" },
  capital_gains_tax_rate: { label: `${M}.capital_gains_tax_rate`, kind: "percent" },
  amortisation_deductible: { label: `${M}.amortisation_deductible`, kind: "bool" },
  tax_incentive: { label: `${M}.tax_incentive`, kind: "text" },
  "tax_incentive.rate": { label: `${M}.incentive_rate`, kind: "percent", group: `${M}.tax_incentive` },
  "tax_incentive.years": { label: `${M}.incentive_years`, kind: "integer", group: `${M}.tax_incentive` },
  dividend_withholding: { label: `${M}.dividend_withholding`, kind: "text" },
  "dividend_withholding.resident": { label: `${M}.wht_resident`, kind: "percent", group: `${M}.dividend_withholding` },
  "dividend_withholding.non_resident": {
    label: `${M}.wht_non_resident`,
    kind: "percent",
    group: `${M}.dividend_withholding`,
  },
  royalty_withholding: { label: `${M}.royalty_withholding`, kind: "text" },
  "royalty_withholding.resident": { label: `${M}.wht_resident`, kind: "percent", group: `${M}.royalty_withholding` },
  "royalty_withholding.non_resident": {
    label: `${M}.wht_non_resident`,
    kind: "percent",
    group: `${M}.royalty_withholding`,
  },
  import_duty_kits: { label: `${M}.import_duty_kits`, kind: "percent" },
  other_import_levies: { label: `${M}.other_import_levies`, kind: "percent" },
  foreign_ownership_limit: { label: `${M}.foreign_ownership_limit`, kind: "percent" },
  legal_reserve: { label: `${M}.legal_reserve`, kind: "text" },
  "legal_reserve.share_of_profit": {
    label: `${M}.reserve_share_of_profit`,
    kind: "percent",
    group: `${M}.legal_reserve`,
  },
  "legal_reserve.cap_share_of_capital": { label: `${M}.reserve_cap`, kind: "percent", group: `${M}.legal_reserve` },
  royalty_cap: { label: `${M}.royalty_cap`, kind: "text" },
  "royalty_cap.kind": { label: `${M}.royalty_cap_kind`, kind: "cap_kind", group: `${M}.royalty_cap` },
  "royalty_cap.rate": { label: `${M}.royalty_cap_rate`, kind: "percent", group: `${M}.royalty_cap` },
  "royalty_cap.covers_fees": { label: `${M}.royalty_cap_covers_fees`, kind: "bool", group: `${M}.royalty_cap` },
};

/** A treaty rate or country: `royalty_withholding.treaties[0].rate`. */
const TREATY = /^(dividend_withholding|royalty_withholding)\.treaties(?:\[(\d+)\]|\.([A-Za-z]{2}))(?:\.(rate|country))?$/;

/** The field's kind, for formatting its value. */
export function kindOf(field: string): FieldKind {
  const treaty = TREATY.exec(field);
  if (treaty) return treaty[4] === "country" ? "text" : "percent";
  if (/^(inflation_path|fx_path)\[\d+\]$/.test(field)) return field.startsWith("fx") ? "number" : "percent";
  return MARKET_FIELDS[field]?.kind ?? "text";
}

/** "Withholding tax on dividends · Non-resident" for a field inside `market`; the treaty
 *  partner's code comes from `country` when the field names the treaty by position. */
export function fieldLabel(field: string, country: string | null = null): string {
  const treaty = TREATY.exec(field);
  if (treaty) {
    const code = treaty[3]?.toUpperCase() ?? country ?? "";
    const what = treaty[4] === "country" ? t(`${M}.treaty_country`) : t(`${M}.treaty_rate`);
    return `${t(`${M}.${treaty[1]}`)} · ${what}${code ? ` ${code}` : ""}`;
  }
  const year = /^(inflation_path|fx_path)\[(\d+)\]$/.exec(field);
  // inflation_path starts at year 1, fx_path at year 0 (closing).
  if (year) {
    const n = Number(year[2]) + (year[1] === "inflation_path" ? 1 : 0);
    return `${t(`${M}.${year[1]}`)} · ${t("markets.fields.year", { year: n })}`;
  }
  const info = MARKET_FIELDS[field];
  if (!info) return field;
  return info.group ? `${t(info.group)} · ${t(info.label)}` : t(info.label);
}

/** A value as the editor shows it: "30 %", "129", "yes"; null or absent is "—". */
export function formatValue(field: string, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  switch (kindOf(field)) {
    case "percent":
      return /^-?\d+(\.\d+)?$/.test(text) ? `${groupDigits(fractionToPercent(text))} %` : text;
    case "number":
      return groupDigits(text);
    case "bool":
      return text === "true" ? t("markets.fields.yes") : text === "false" ? t("markets.fields.no") : text;
    case "cap_kind":
      return text === "deductibility"
        ? t(`${M}.cap_deductibility`)
        : text === "approval"
          ? t(`${M}.cap_approval`)
          : text;
    default:
      return text;
  }
}
