// What applying a preset changes, as rows people can read: the market's values with their
// source and date; the bookkeeping the preset also writes (its sources, rules, reference)
// is summarised apart instead of listed leaf by leaf.
import type { Deal } from "../lib/bindings";
import { getPath } from "../lib/state/path";
import { has, t } from "../lib/i18n/index.svelte";
import { fieldLabel, formatValue } from "./fields";
import { noneMeaning } from "./preset-rows";
import { sourcesIn } from "./provenance";
import type { InputChange, MarketRule, ValueSource } from "./types";

export type DiffRow = {
  path: string;
  label: string;
  before: string;
  after: string;
  source: string | null;
  asOf: string | null;
};

/** Parts of `market` that record where values came from rather than being values. */
const BOOKKEEPING = /^market\.(provenance|rules|preset|sources)(\.|\[|$)/;

/** The market field a treaty row names, with the partner's code from the deal. */
function treatyCountry(deal: Deal | null, field: string): string | null {
  const m = /^(.+\.treaties)\[(\d+)\](?:\.rate)?$/.exec(field);
  if (!m || !deal) return null;
  const country = getPath(deal.market, `${m[1]}[${m[2]}].country`);
  return typeof country === "string" && country !== "" ? country : null;
}

/** A year of a by-year list: its rows are summed up into one for the whole list. */
const LIST_ITEM = /^market\.(inflation_path|fx_path)\[\d+\]$/;

function listRow(changes: InputChange[], list: string): DiffRow {
  const items = changes.filter((c) => c.path.startsWith(`market.${list}[`));
  const count = (side: "before" | "after") => items.filter((c) => c[side] !== null).length;
  const text = (n: number) => (n === 0 ? "—" : t("markets.diff.values", { count: n }));
  return { path: `market.${list}`, label: fieldLabel(list), before: text(count("before")), after: text(count("after")), source: null, asOf: null };
}

/** The value rows of a preset's changes, in file order. */
export function diffRows(changes: InputChange[], before: Deal | null, after: Deal | null): DiffRow[] {
  const seen = new Set<string>();
  return changes
    .filter((change) => !BOOKKEEPING.test(change.path))
    .flatMap((change): DiffRow[] => {
      const list = LIST_ITEM.exec(change.path);
      if (list) {
        if (seen.has(list[1])) return [];
        seen.add(list[1]);
        return [listRow(changes, list[1])];
      }
      return [row(change, before, after)];
    });
}

function row(change: InputChange, before: Deal | null, after: Deal | null): DiffRow {
  const field = change.path.startsWith("market.") ? change.path.slice("market.".length) : null;
  if (field === null) {
    return { path: change.path, label: change.path, before: change.before ?? "—", after: change.after ?? "—", source: null, asOf: null };
  }
  const country = treatyCountry(after, field) ?? treatyCountry(before, field);
  // A treaty rate's source is kept by the partner's code (`…treaties.CN`), also when the
  // preset removed the rate (no treaty in force).
  const treaty = /^(.+\.treaties)\[\d+\]/.exec(field);
  const named = treaty && country ? `${treaty[1]}.${country}` : field;
  const source: ValueSource | undefined = after
    ? sourcesIn(after.market as { provenance?: ValueSource[] }, named, true)[0]
    : undefined;
  return {
    path: change.path,
    label: fieldLabel(field, country),
    before: formatChange(field, change.before),
    after: formatChange(field, change.after),
    source: source?.source ?? null,
    asOf: source?.as_of ?? null,
  };
}

/** What the deal has now for a field the preset does not know ("129", "domestic rate"). */
export function currentValue(deal: Deal | null, field: string): string {
  const market = (deal?.market ?? null) as Record<string, unknown> | null;
  if (!market) return "—";
  const treaty = /^(dividend_withholding|royalty_withholding)\.treaties\.([A-Za-z]{2})$/.exec(field);
  if (treaty) {
    const list = (getPath(market, `${treaty[1]}.treaties`) ?? []) as { country: string; rate: string }[];
    const found = list.find((item) => item.country.toUpperCase() === treaty[2].toUpperCase());
    return found ? formatValue(`${treaty[1]}.treaties.${treaty[2]}`, found.rate) : t("markets.panel.domestic");
  }
  const value = getPath(market, field) as Record<string, unknown> | string | number | boolean | null | undefined;
  if (value === null || value === undefined) return emptyMeans(field);
  return typeof value === "object" ? formatObject(field, value) : formatValue(field, value);
}

/** The blocks of the market that are switched on or off as a whole. */
const COMPOUND = ["tax_incentive", "legal_reserve", "royalty_cap"];

/** A block or list value in one line: "15 % for the first 5 years", "CN 7.5 %", "10 values". */
function formatObject(field: string, value: Record<string, unknown> | unknown[]): string {
  if (Array.isArray(value)) return t("markets.diff.values", { count: value.length });
  const pct = (v: unknown) => formatValue("corporate_tax_rate", v as string);
  if (field === "tax_incentive") return t("markets.panel.incentive", { rate: pct(value.rate), years: String(value.years ?? "—") });
  if (field === "legal_reserve") return t("markets.panel.reserve", { share: pct(value.share_of_profit), cap: pct(value.cap_share_of_capital) });
  if (field === "royalty_cap") return t("markets.panel.cap", { rate: pct(value.rate) });
  if (typeof value.country === "string" && "rate" in value) return `${value.country} ${pct(value.rate)}`;
  return JSON.stringify(value);
}

/** What an empty value means: "no limit" for a limit, "none" for a block, "domestic rate"
 *  for a treaty rate that is not there. */
function emptyMeans(field: string): string {
  if (/\.treaties(\[\d+\]|\.[A-Za-z]{2})/.test(field)) return t("markets.panel.domestic");
  if (COMPOUND.includes(field) || OPTIONAL.includes(field)) return noneMeaning(field);
  return "—";
}

/** Optional market values: empty has a meaning. */
const OPTIONAL = [
  "loss_carry_forward_years",
  "interest_deduction_limit",
  "interest_carry_forward_years",
  "capital_gains_tax_rate",
  "fx_depreciation",
  "foreign_ownership_limit",
];

/** A changed value as the diff gives it (subtrees as JSON text), in one readable line. */
function formatChange(field: string, text: string | null): string {
  if (text === null) return emptyMeans(field);
  if (/^[[{]/.test(text)) {
    try {
      return formatObject(field, JSON.parse(text));
    } catch {
      return text;
    }
  }
  return formatValue(field, text);
}

/** A field the preset has no value for, as the deal path of the field to check. */
export function unknownPath(field: string): string {
  return field.startsWith("market.") ? field : `market.${field}`;
}

/** The rules the deal is checked against after the preset is applied. */
export function rulesOf(deal: Deal | null): MarketRule[] {
  return ((deal?.market as { rules?: MarketRule[] } | undefined)?.rules ?? []) as MarketRule[];
}

/** A deal input outside the market as the editor labels it: "Retail price per unit",
 *  "Investment · Assembly line · Amount", "Loan · Principal"; the path when unknown. */
export function dealLabel(deal: Deal | null, path: string): string {
  const capex = /^plan\.capex\[(\d+)\]\.amount$/.exec(path);
  if (capex) {
    const name = (getPath(deal, `plan.capex[${capex[1]}].name`) as string | undefined) || `#${Number(capex[1]) + 1}`;
    return `${t("editor.plan.capex_group")} · ${name} · ${t("editor.plan.capex_amount")}`;
  }
  if (path === "financing.loan.amount") return `${t("editor.financing.loan_group")} · ${t("editor.financing.amount")}`;
  const simple = /^(plan|financing)\.([a-z_]+)$/.exec(path);
  if (simple && has(`editor.${simple[1]}.${simple[2]}`)) return t(`editor.${simple[1]}.${simple[2]}`);
  return path;
}
