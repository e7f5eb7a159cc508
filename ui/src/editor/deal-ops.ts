// Structural edits of a deal (add a party, switch a valuation method, turn an optional
// block on…). Each works on a plain copy and is applied with `workspace.replace`, so it is
// one undo step. Defaults are neutral starting points the user then types over.
import type { Deal, Evaluation } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";

// The generated deal types are exact; these edits reach into tagged unions and optional
// blocks generically, so they use a loose view of the same JSON.
type Json = Record<string, any>;

/** Applies `mutate` to a copy of the deal and replaces the deal with it (one undo step). */
export function editDeal(mutate: (deal: Json) => void): void {
  if (!workspace.deal || workspace.readOnly) return;
  const next = JSON.parse(workspace.json()) as Json;
  mutate(next);
  workspace.replace(next as Deal);
}

export const VALUATION_METHODS = ["agreed", "relief_from_royalty", "excess_earnings", "cost_to_recreate"] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** The methods the engine accepts for a kind of contribution (DOMAIN.md §3). */
export function methodsFor(kind: string): ValuationMethod[] {
  if (kind === "technology") return ["agreed", "relief_from_royalty", "cost_to_recreate"];
  if (kind === "distribution") return ["agreed", "excess_earnings", "cost_to_recreate"];
  return ["agreed"];
}

/** The valuation object of `method`, carrying over what the old one shares with it. */
export function valuationFor(method: ValuationMethod, old: Json | undefined): Json {
  const discount = old?.discount_rate ?? "0.20";
  const amount = old?.value ?? old?.cost ?? "0";
  switch (method) {
    case "agreed":
      return { method, value: amount };
    case "relief_from_royalty":
      return { method, royalty_rate: old?.royalty_rate ?? "0.03", discount_rate: discount };
    case "excess_earnings":
      return { method, profit_share: old?.profit_share ?? "0.10", discount_rate: discount };
    case "cost_to_recreate":
      return { method, cost: amount, obsolescence: old?.obsolescence ?? "0" };
  }
}

const NEEDS_LIFE = new Set(["asset", "technology", "distribution", "services"]);

/** Changes a contribution's kind; a method the new kind cannot use becomes `agreed`, and
 *  a kind that is depreciated or amortised gets a life (the horizon) if it had none. */
export function setKind(deal: Json, party: number, index: number, kind: string): void {
  const c = deal.parties[party].contributions[index];
  c.kind = kind;
  if (!methodsFor(kind).includes(c.valuation?.method)) c.valuation = valuationFor("agreed", c.valuation);
  if (NEEDS_LIFE.has(kind) && (c.useful_life_years === null || c.useful_life_years === undefined)) {
    c.useful_life_years = deal.horizon_years ?? 10;
  }
}

/** A party id not used yet: "partner3", "partner4"… */
function freeId(deal: Json): string {
  const ids = new Set((deal.parties ?? []).map((p: Json) => p.id));
  let n = (deal.parties?.length ?? 0) + 1;
  while (ids.has(`partner${n}`)) n += 1;
  return `partner${n}`;
}

export function addParty(deal: Json): void {
  const id = freeId(deal);
  deal.parties.push({
    id,
    name: "",
    role: "investor",
    home_country: deal.market?.country ?? "",
    discount_rate: "0.15",
    joins_capital_calls: true,
    contributions: [newContribution()],
  });
  // A negotiated split must list every party: give the newcomer a line to fill in.
  if (deal.equity?.mode === "negotiated") deal.equity.shares.push({ party: id, share: "0" });
}

/** Removes a party. References to it (agreements, negotiated shares) stay as they are:
 *  the engine names each one as an error under its field, so nothing changes silently. */
export function removeParty(deal: Json, index: number): void {
  deal.parties.splice(index, 1);
}

/** Renames a party and every reference to it, so the deal stays consistent. */
export function renameParty(deal: Json, index: number, id: string): void {
  const old = deal.parties[index].id;
  deal.parties[index].id = id;
  if (old === "" || old === id || deal.parties.some((p: Json, i: number) => i !== index && p.id === old)) return;
  const a = deal.agreements ?? {};
  if (a.licence?.licensor === old) a.licence.licensor = id;
  if (a.kit_supply?.supplier === old) a.kit_supply.supplier = id;
  if (a.distribution?.distributor === old) a.distribution.distributor = id;
  for (const share of deal.equity?.shares ?? []) if (share.party === old) share.party = id;
}

export function newContribution(): Json {
  return { kind: "cash", valuation: { method: "agreed", value: "0" }, year: 0, tranches: [], note: "" };
}

/** Switches the equity split; a negotiated split starts from today's cap table. */
export function setSplitMode(deal: Json, mode: string, evaluation: Evaluation | null): void {
  deal.equity.mode = mode;
  if (mode === "contribution_based") {
    deal.equity.shares = [];
    return;
  }
  if (deal.equity.shares?.length) return;
  deal.equity.shares = proposeShares(
    deal.parties.map((p: Json) => p.id),
    evaluation?.equity.parties.map((row) => ({ id: row.id, percent: row.percent })) ?? [],
  );
}

/** Shares in basis points of a hundredth (4 decimals) adding up to exactly 1: from the
 *  current cap table when known, else equal; the last party takes the rounding rest. */
export function proposeShares(ids: string[], table: { id: string; percent: string }[]): Json[] {
  const UNIT = 10_000;
  const known = ids.map((id) => table.find((row) => row.id === id));
  const units = known.every((row) => row !== undefined)
    ? known.map((row) => Math.round(Number(row!.percent) * 100))
    : ids.map(() => Math.floor(UNIT / Math.max(ids.length, 1)));
  const rest = UNIT - units.slice(0, -1).reduce((a, b) => a + b, 0);
  units[units.length - 1] = rest;
  return ids.map((id, i) => ({ party: id, share: unitsToFraction(units[i]) }));
}

function unitsToFraction(units: number): string {
  const text = String(units).padStart(5, "0");
  const fraction = `${text.slice(0, -4)}.${text.slice(-4)}`.replace(/0+$/, "").replace(/\.$/, "");
  return fraction === "" ? "0" : fraction;
}

/** Turns an optional block on with neutral defaults, or off. */
export function defaultBlock(deal: Json, path: string): unknown {
  const ids: string[] = deal.parties?.map((p: Json) => p.id) ?? [];
  const byRole = (role: string) => deal.parties?.find((p: Json) => p.role === role)?.id ?? ids[0] ?? "";
  const n: number = deal.horizon_years ?? 10;
  switch (path) {
    case "market.tax_incentive":
      return { rate: deal.market.corporate_tax_rate ?? "0", years: 5 };
    case "market.legal_reserve":
      return { share_of_profit: "0.05", cap_share_of_capital: "0.20" };
    case "market.royalty_cap":
      return { kind: "deductibility", rate: "0.05", covers_fees: false };
    case "market.inflation_path":
      return Array.from({ length: n }, () => deal.market.inflation ?? "0");
    case "market.fx_path":
      return Array.from({ length: n + 1 }, () => deal.market.fx_spot ?? "1");
    case "agreements.licence":
      return { licensor: byRole("technology_partner"), royalty_rate: "0", technical_fee: "0", royalty_in_customs_value: false };
    case "agreements.distribution":
      return { distributor: byRole("local_partner"), dealer_margin: "0", cost_to_serve: "0" };
    case "financing.loan":
      return { amount: "0", rate: "0.10", tenor_years: 5, drawdown_year: 0 };
    default:
      throw new Error(`no default block for ${path}`);
  }
}

/** Sets an optional block at `path` on (defaults) or off (null). */
export function toggleBlock(deal: Json, path: string, on: boolean): void {
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce((node, key) => (node[key] ??= {}), deal);
  parent[keys[keys.length - 1]] = on ? defaultBlock(deal, path) : null;
}

/** Switches how units are given; explicit units start from the ramp's figures. */
export function setUnitsMethod(deal: Json, method: string, evaluation: Evaluation | null): void {
  const units = deal.plan.units;
  if (units.method === method) return;
  const n: number = deal.horizon_years ?? 10;
  if (method === "explicit") {
    const projected = evaluation?.projection.years.filter((y) => y.year >= 1).map((y) => String(y.units));
    deal.plan.units = { method, units: projected?.length === n ? projected : rampUnits(units, n) };
  } else {
    deal.plan.units = { method: "ramp", first_year: units.units?.[0] ?? "0", growth: "0", capacity: null };
  }
}

/** A ramp's units per year, rounded half-up (a starting point for explicit units). */
export function rampUnits(ramp: Json, n: number): string[] {
  const first = Number(ramp.first_year ?? 0);
  const growth = Number(ramp.growth ?? 0);
  const cap = ramp.capacity === null || ramp.capacity === undefined ? Infinity : Number(ramp.capacity);
  return Array.from({ length: n }, (_, t) => String(Math.floor(Math.min(first * (1 + growth) ** t, cap) + 0.5)));
}

export const EXIT_METHODS = ["none", "book_value", "ebitda_multiple", "perpetuity"] as const;

export function exitFor(method: string, old: Json | undefined): Json {
  switch (method) {
    case "ebitda_multiple":
      return { method, multiple: old?.multiple ?? "5" };
    case "perpetuity":
      return { method, growth: old?.growth ?? "0.02", discount_rate: old?.discount_rate ?? "0.15" };
    default:
      return { method };
  }
}

/** A per-year list cut or extended (repeating its last value) to `length` entries. */
export function fitList(list: string[], length: number, fill: string): string[] {
  const last = list.length ? list[list.length - 1] : fill;
  return Array.from({ length }, (_, i) => list[i] ?? last);
}

export function addPartyContribution(deal: Json, party: number): void {
  deal.parties[party].contributions = [...(deal.parties[party].contributions ?? []), newContribution()];
}
