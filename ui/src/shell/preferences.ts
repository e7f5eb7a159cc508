// Language and 万 / 亿: applied at once, then kept in the database. A failure to keep
// them is shown but the choice still applies for this session.
import { api } from "../lib/api";
import { setChineseUnits } from "../lib/format/number";
import { setLocale, type Locale } from "../lib/i18n/index.svelte";
import { showError } from "./errors.svelte";
import { session } from "./session.svelte";

/** The language the app starts in: the saved one, else the system's. */
export function initialLocale(saved: string | null | undefined, systemLanguage: string): Locale {
  if (saved === "en" || saved === "zh-CN") return saved;
  return systemLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export async function changeLanguage(next: Locale): Promise<void> {
  setLocale(next);
  try {
    await api.setSetting("language", next);
  } catch (thrown) {
    showError(thrown);
  }
}

export function applyChineseUnits(on: boolean): void {
  setChineseUnits(on);
  session.chineseUnits = on;
}

export async function changeChineseUnits(on: boolean): Promise<void> {
  applyChineseUnits(on);
  try {
    await api.setSetting("chinese_units", on ? "true" : "false");
  } catch (thrown) {
    showError(thrown);
  }
}
