// Every user-visible string goes through t(). One JSON catalogue per language with the
// same keys (a test checks); {name} placeholders are filled from params.
import en from "./en.json";
import zhCN from "./zh-CN.json";

export type Locale = "en" | "zh-CN";
export const LOCALES: { id: Locale; label: string }[] = [
  { id: "en", label: "English" },
  { id: "zh-CN", label: "简体中文" },
];

type Catalogue = { [key: string]: string | Catalogue };

export const catalogues: Record<Locale, Catalogue> = { en, "zh-CN": zhCN };

const state = $state<{ locale: Locale }>({ locale: "en" });

export function locale(): Locale {
  return state.locale;
}

export function setLocale(next: Locale): void {
  state.locale = next;
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const message = lookup(catalogues[state.locale], key) ?? lookup(catalogues.en, key) ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a key exists (for optional messages such as warning codes). */
export function has(key: string): boolean {
  return lookup(catalogues[state.locale], key) !== undefined;
}

/** Every key of a catalogue, dotted; used by the catalogue test. */
export function keysOf(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
}
