// The market picker's groups: Africa and South America, where JV Studio's users sell,
// then every other country. Codes are ISO 3166-1 alpha-2.
import type { PresetSummary } from "./types";

export type Region = "africa" | "south_america" | "other";
export const REGIONS: Region[] = ["africa", "south_america", "other"];

const AFRICA = new Set(
  (
    "DZ AO BJ BW BF BI CV CM CF TD KM CD CG CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY " +
    "MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH"
  ).split(" "),
);
const SOUTH_AMERICA = new Set("AR BO BR CL CO EC GY PY PE SR UY VE".split(" "));

export function regionOf(country: string): Region {
  const code = country.trim().toUpperCase();
  if (AFRICA.has(code)) return "africa";
  if (SOUTH_AMERICA.has(code)) return "south_america";
  return "other";
}

/** The presets by region, each group sorted by name; empty groups left out. */
export function groupPresets(presets: PresetSummary[]): { region: Region; presets: PresetSummary[] }[] {
  return REGIONS.map((region) => ({
    region,
    presets: presets
      .filter((preset) => regionOf(preset.country) === region)
      .sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.presets.length > 0);
}
