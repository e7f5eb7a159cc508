// Market codes (ISO 3166 alpha-2) shown as country names in the UI language.
import { locale } from "../lib/i18n/index.svelte";

/** "Kenya" / "肯尼亚" for "KE"; the code itself when the name is unknown. */
export function marketName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code || "—";
  try {
    return new Intl.DisplayNames([locale()], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The first sentence of a description, cut to about `max` characters. */
export function excerpt(text: string, max = 180): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const sentence = clean.match(/^.+?[.。!?！？](\s|$)/)?.[0]?.trim() ?? clean;
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
