// The editor's sections, in the order a sales head walks through a deal, and which section
// owns each field path (for error badges and for jumping to a field).
import type { FieldError } from "../lib/bindings";

export const SECTIONS = ["market", "parties", "equity", "agreements", "plan", "financing", "analysis"] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The deal header (name, description, whole-deal problems) sits above every section. */
export const HEADER = "header" as const;
export type Owner = SectionId | typeof HEADER;

const BY_FIRST_KEY: Record<string, SectionId> = {
  market: "market",
  reporting_currency: "market",
  reporting_inflation: "market",
  rcy_escalation: "market",
  parties: "parties",
  equity: "equity",
  governance: "equity",
  agreements: "agreements",
  plan: "plan",
  financing: "financing",
  exit: "financing",
  horizon_years: "financing",
  analysis: "analysis",
  scenarios: "analysis",
};

/** Which part of the editor shows the field at `path`. Vesting tranches live in a party's
 *  contribution but are edited under Equity, where the cap table they change is shown. */
export function sectionOf(path: string): Owner {
  if (/^parties\[\d+\]\.contributions\[\d+\]\.tranches/.test(path)) return "equity";
  const first = /^[^.[]*/.exec(path)?.[0] ?? "";
  return BY_FIRST_KEY[first] ?? HEADER;
}

/** Number of field errors per section (and the header). */
export function errorCounts(errors: FieldError[]): Record<Owner, number> {
  const counts = { market: 0, parties: 0, equity: 0, agreements: 0, plan: 0, financing: 0, analysis: 0, header: 0 };
  for (const error of errors) counts[sectionOf(error.path)] += 1;
  return counts;
}
