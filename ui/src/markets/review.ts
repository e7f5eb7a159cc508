// Applying a preset is reviewed first: the preset chosen, the deal as it was, the exchange
// rate asked for when the currency changes, and the changes once the backend has them.
import type { Deal } from "../lib/bindings";
import { parseAmount } from "../lib/format/parse";
import type { AppliedPreset, PresetSummary } from "./types";

export type CurrencyChange = { from: string; to: string; reporting: string };

export type Review = {
  summary: PresetSummary;
  before: Deal;
  /** Set when the preset's currency differs from the deal's: a spot rate is needed. */
  currencyChange: CurrencyChange | null;
  /** The rate as the user typed it. */
  rate: string;
  applied: AppliedPreset | null;
  error: string | null;
  busy: boolean;
};

/** The deal's reporting currency (USD when the file leaves it out, as the engine reads it). */
export function reportingOf(deal: Deal): string {
  return deal.reporting_currency ?? "USD";
}

/** What moving a deal to `summary`'s market does to its currency, if anything. */
export function currencyChange(deal: Deal, summary: PresetSummary): CurrencyChange | null {
  if (deal.market.currency === summary.currency) return null;
  return { from: deal.market.currency, to: summary.currency, reporting: reportingOf(deal) };
}

/** A spot rate as typed ("1,500", "1.5k"), as the decimal text the command takes; null when
 *  it does not read or is not above zero. */
export function readRate(text: string): string | null {
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.value === null) return null;
  return Number(parsed.value) > 0 ? parsed.value : null;
}
