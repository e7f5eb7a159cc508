// Where a market value shown in the editor came from: the deal's own copy of the preset's
// sources (market.provenance) and the values the last evaluation found older than 12
// months (workspace.dataAge). Both name fields inside `market` ("corporate_tax_rate",
// "royalty_withholding.non_resident"); the editor names them from the deal's root.
import type { StaleValue, ValueSource } from "./types";
import { getPath } from "../lib/state/path";
import { workspace } from "../lib/state/workspace.svelte";
import { presets } from "./state.svelte";

/** The field inside `market` a deal path names, or null for a path outside the market. */
export function marketField(path: string): string | null {
  return path.startsWith("market.") ? path.slice("market.".length) : null;
}

/** The names a provenance entry may give the value at `field`. Treaty rates are kept by
 *  the partner's country as well as by position: `royalty_withholding.treaties.CN`. */
function names(market: unknown, field: string): string[] {
  const treaty = /^(.+\.treaties)\[(\d+)\]\.rate$/.exec(field);
  if (!treaty) return [field];
  const list = getPath(market, treaty[1]);
  const country = Array.isArray(list) ? (list[Number(treaty[2])] as { country?: unknown })?.country : undefined;
  const out = [field, `${treaty[1]}[${treaty[2]}]`];
  if (typeof country === "string" && country.trim() !== "") {
    const code = country.trim().toUpperCase();
    out.push(`${treaty[1]}.${code}`, `${treaty[1]}.${code}.rate`);
  }
  return out;
}

/** The sources of the value at `field` inside `market` (usually one). With `inherit`, a
 *  part of a block takes the block's source (`royalty_cap.rate` → `royalty_cap`); the
 *  editor does not, as the block's switch already shows it. */
export function sourcesIn(
  market: { provenance?: ValueSource[] } | null | undefined,
  field: string,
  inherit = false,
): ValueSource[] {
  const provenance = market?.provenance ?? [];
  if (provenance.length === 0) return [];
  const wanted = names(market, field);
  if (inherit) {
    let probe = field;
    while (/[.[]/.test(probe)) {
      probe = probe.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
      wanted.push(probe);
    }
  }
  for (const name of wanted) {
    const found = provenance.filter((entry) => entry.field === name);
    if (found.length > 0) return found;
  }
  return [];
}

/** The sources of the value the editor shows at `path`. */
export function sourcesAt(path: string): ValueSource[] {
  const field = marketField(path);
  return field === null ? [] : sourcesIn(workspace.deal?.market as { provenance?: ValueSource[] }, field);
}

/** The data-age finding for the value at `path`, if it is older than 12 months. */
export function ageAt(path: string): StaleValue | null {
  const field = marketField(path);
  if (field === null || workspace.dataAge.length === 0) return null;
  const wanted = names(workspace.deal?.market, field);
  return workspace.dataAge.find((entry) => wanted.includes(entry.field)) ?? null;
}

/** A URL's host and the start of its path ("taxsummaries.pwc.com/kenya/…"); other text
 *  (a document and page) as it is. */
export function shortSource(source: string): string {
  const text = source.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    const url = new URL(text);
    const host = url.host.replace(/^www\./, "");
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts.length === 0) return host;
    // A long first segment (an article's slug) is cut: the tooltip has the whole address.
    const first = parts[0].length > 28 ? `${parts[0].slice(0, 26)}…` : parts[0];
    return `${host}/${first}${parts.length > 1 && !first.endsWith("…") ? "/…" : ""}`;
  } catch {
    return text;
  }
}

/** Whether a source is a web address. */
export function isUrl(source: string): boolean {
  return /^https?:\/\/\S+$/i.test(source.trim());
}

/** Under a non-resident withholding rate: the partner countries the preset found no treaty
 *  rate in force for (their provenance entry exists, the deal lists no rate), so the
 *  domestic rate shown applies to them, with the source that says so. */
export function noTreatyAt(path: string): { country: string; entry: ValueSource }[] {
  const m = /^market\.(dividend_withholding|royalty_withholding)\.non_resident$/.exec(path);
  if (!m) return [];
  const market = workspace.deal?.market as { provenance?: ValueSource[] } | undefined;
  const listed = ((getPath(market, `${m[1]}.treaties`) ?? []) as { country?: string }[]).map((row) =>
    (row.country ?? "").toUpperCase(),
  );
  const prefix = `${m[1]}.treaties.`;
  return (market?.provenance ?? [])
    .filter((entry) => entry.field.startsWith(prefix))
    .map((entry) => ({ country: entry.field.slice(prefix.length).toUpperCase(), entry }))
    .filter((item) => /^[A-Z]{2}$/.test(item.country) && !listed.includes(item.country));
}

/** Under a field whose value the last applied preset did not know (and the user has not
 *  changed since): the field, and for a non-resident rate the partners without a known
 *  treaty rate. Empty for any other deal or preset. */
export function askedAt(path: string): { field: string; presetName: string }[] {
  const asked = presets.asked;
  const deal = workspace.deal;
  const field = marketField(path);
  if (!asked || !deal || field === null) return [];
  const ref = deal.market.preset;
  if (!ref || ref.country !== asked.preset.country || ref.version !== asked.preset.version || deal.name !== asked.deal) return [];
  const treaties = /^(dividend_withholding|royalty_withholding)\.non_resident$/.exec(field);
  return asked.fields
    .filter((item) =>
      treaties
        ? item.field.startsWith(`${treaties[1]}.treaties.`)
        : item.field === field && JSON.stringify(getPath(deal.market, field) ?? null) === item.kept,
    )
    .map((item) => ({ field: item.field, presetName: asked.presetName }));
}
