// Helpers the analysis panels share: the deal's parties (names, colours) and how each kind
// of number is written. Every figure goes through lib/format/number.ts.
import type { Metric, Unit } from "../lib/bindings";
import { asAppError } from "../lib/api";
import { partyColour } from "../lib/colors";
import { formatAmount, formatCount, formatPercent, formatMultiple, DASH } from "../lib/format/number";
import { workspace } from "../lib/state/workspace.svelte";

export interface PartyRef {
  id: string;
  name: string;
  colour: string;
}

/** The deal's parties in file order, each with the colour it keeps everywhere. */
export function dealParties(): PartyRef[] {
  return (workspace.deal?.parties ?? []).map((party, i) => ({
    id: party.id,
    name: party.name || party.id,
    colour: partyColour(i),
  }));
}

export function partyName(id: string): string {
  return dealParties().find((party) => party.id === id)?.name ?? id;
}

export function partyColourOf(id: string): string {
  const index = dealParties().findIndex((party) => party.id === id);
  return partyColour(Math.max(index, 0));
}

/** NPV as an amount, IRR as a percent. */
export function formatMetric(metric: Metric, value: string | number | null | undefined): string {
  return metric === "irr" ? formatPercent(value) : formatAmount(value);
}

/** A driver's value in its unit. */
export function formatInput(unit: Unit, value: string | number | null | undefined): string {
  switch (unit) {
    case "rate":
      return formatPercent(value, 2);
    case "amount":
      return formatAmount(value);
    case "count":
      return formatCount(value);
    case "factor":
      return formatMultiple(value, 3);
    default:
      return value === null || value === undefined || value === "" ? DASH : String(value);
  }
}

/** A failed command as one sentence (field errors of an invalid deal included). */
export function errorText(thrown: unknown): string {
  const error = asAppError(thrown);
  const fields = error.fields.map((field) => field.message);
  return [error.message, ...fields].filter(Boolean).join(" ");
}
