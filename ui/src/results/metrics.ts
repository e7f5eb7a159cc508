// Words and figures for a party's metrics, exactly as the engine reports them: a missing
// IRR, MOIC or payback year is shown as the engine's reason, translated, never as a blank.
import type { Evaluation } from "../lib/bindings";
import { has, t } from "../lib/i18n/index.svelte";
import { DASH, formatAmount, formatMultiple, formatPercent } from "../lib/format/number";

export type PartyResult = Evaluation["parties"][number];
export type ViewMetrics = PartyResult["views"]["cash"];
export type ViewName = "cash" | "economic";
export const VIEWS: ViewName[] = ["cash", "economic"];

/** The channels in the order money moves: what goes in, then what comes back. */
export const CHANNELS = [
  "contributions",
  "in_kind",
  "capital_calls",
  "dividends",
  "royalties",
  "kit_margin",
  "distribution",
  "exit",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The IRR as a percent, or why there is none (the engine's status, translated). */
export function irrText(metrics: ViewMetrics): string {
  if (metrics.irr !== null && metrics.irr !== undefined) return formatPercent(metrics.irr);
  const key = `results.status.${metrics.irr_status}`;
  if (has(key)) return t(key);
  return metrics.irr_note ?? DASH;
}

/** The engine's MOIC notes, mapped to the same words as the IRR statuses. */
const MOIC_NOTES: Record<string, string> = {
  "no cash invested": "results.status.no_cash_invested",
  "no outflow": "results.status.no_outflow",
};

export function moicText(metrics: ViewMetrics): string {
  if (metrics.moic !== null && metrics.moic !== undefined) return formatMultiple(metrics.moic);
  const note = metrics.moic_note ?? "";
  const key = MOIC_NOTES[note];
  return key ? t(key) : note || DASH;
}

/** "year 4", or "not reached" / "nothing to pay back" as the engine's note says. */
export function paybackText(metrics: ViewMetrics): string {
  if (metrics.payback_year !== null && metrics.payback_year !== undefined) {
    return t("results.parties.paybackYear", { year: metrics.payback_year });
  }
  return metrics.payback_note?.startsWith("never negative")
    ? t("results.payback.neverNegative")
    : t("results.payback.notReached");
}

/** Every IRR root, for the note on an ambiguous IRR. */
export function rootsText(metrics: ViewMetrics): string {
  return (metrics.irr_roots ?? []).map((root) => formatPercent(root)).join(", ");
}

/** The party's share at closing, in percent, from the cap table. */
export function closingPercent(evaluation: Evaluation, partyId: string): string | null {
  return evaluation.equity.parties.find((row) => row.id === partyId)?.percent ?? null;
}

export function npvText(metrics: ViewMetrics): string {
  return formatAmount(metrics.npv);
}
