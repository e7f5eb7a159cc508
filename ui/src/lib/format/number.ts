// How figures are shown: one convention everywhere. Decimals arrive as strings; they are
// formatted without passing through arithmetic that could change the digits shown.
// Conventions: negatives carry a true minus sign (U+2212, "−1,234"), never a "-0";
// anything missing or not a finite number shows as "—".
import { createSubscriber } from "svelte/reactivity";
import { locale } from "../i18n/index.svelte";

const settings = { chineseUnits: false };

// Figures on screen re-render when the 万 / 亿 setting changes: reading it inside a
// component or effect subscribes to it (plain .ts, so no $state here).
const listeners = new Set<() => void>();
const subscribe = createSubscriber((update) => {
  listeners.add(update);
  return () => listeners.delete(update);
});

function chineseUnits(): boolean {
  subscribe();
  return settings.chineseUnits;
}

/** The sign used for every negative figure. */
export const MINUS = "\u2212";
/** What a missing figure shows. */
export const DASH = "—";

/** Turns the 万 / 亿 display on or off (Chinese UI only). */
export function setChineseUnits(on: boolean) {
  if (settings.chineseUnits === on) return;
  settings.chineseUnits = on;
  listeners.forEach((update) => update());
}

function intlLocale(): string {
  return locale() === "zh-CN" ? "zh-CN" : "en-US";
}

/** The value as a finite number, or null for null, undefined, "" and anything not finite. */
export function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && value.trim() === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function digits(value: number, decimals: number, lang = intlLocale()): string {
  return value.toLocaleString(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Puts the sign in front of a formatted magnitude; a magnitude that rounds to zero has none. */
function signed(negative: boolean, magnitude: string, plus = false): string {
  if (!/[1-9]/.test(magnitude)) return magnitude;
  if (negative) return MINUS + magnitude;
  return plus ? `+${magnitude}` : magnitude;
}

/** |value| in 万 or 亿 (two decimals at most), or null below 10,000. */
function chineseMagnitude(abs: number): string | null {
  if (abs < 1e4) return null;
  const [unit, size] = abs >= 1e8 ? ["亿", 1e8] : ["万", 1e4];
  return `${(abs / size).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}${unit}`;
}

function amountMagnitude(abs: number, decimals: number): string {
  if (chineseUnits() && locale() === "zh-CN") {
    const chinese = chineseMagnitude(abs);
    if (chinese !== null) return chinese;
  }
  return digits(abs, decimals);
}

/** An amount with thousands separators ("1,234,567", "−5,000"); whole units by default. */
export function formatAmount(value: string | number | null | undefined, decimals = 0): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return signed(number < 0, amountMagnitude(Math.abs(number), decimals));
}

/** A count (shares, units): whole, exact, never shortened to 万 / 亿 — every share counts. */
export function formatCount(value: string | number | null | undefined): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return signed(number < 0, digits(Math.abs(number), 0));
}

/** A change in an amount, always signed: "+120,400", "−5,000", "0". */
export function formatDelta(value: string | number | null | undefined, decimals = 0): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return signed(number < 0, amountMagnitude(Math.abs(number), decimals), true);
}

/** A fraction (0.125) as a percent ("12.5 %"). */
export function formatPercent(value: string | number | null | undefined, decimals = 1): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return formatPercentValue(number * 100, decimals);
}

/** A number already in percent (60.2029, as the cap table gives it) as "60.2 %". */
export function formatPercentValue(value: string | number | null | undefined, decimals = 1): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return `${signed(number < 0, digits(Math.abs(number), decimals))} %`;
}

/** A multiple (MOIC) as "11.65×". */
export function formatMultiple(value: string | number | null | undefined, decimals = 2): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  return `${signed(number < 0, digits(Math.abs(number), decimals))}×`;
}

const EN_STEPS: [number, string][] = [
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];
const ZH_STEPS: [number, string][] = [
  [1e8, "亿"],
  [1e4, "万"],
];

/**
 * A short amount for chart axes: "1.2m", "350k", "−2.5bn"; in Chinese "367万", "13.8亿"
 * (万 / 亿 are how Chinese readers size numbers, so the compact form always uses them).
 */
export function formatCompact(value: string | number | null | undefined): string {
  const number = toNumber(value);
  if (number === null) return DASH;
  const zh = locale() === "zh-CN";
  const steps = zh ? ZH_STEPS : EN_STEPS;
  const abs = Math.abs(number);
  const lang = intlLocale();
  let magnitude = abs.toLocaleString(lang, { maximumFractionDigits: abs < 10 ? 1 : 0 });
  // The largest unit the figure reaches; a figure that rounds up to the next unit's size
  // moves to that unit ("999,960" is "1m", not "1,000k").
  const index = steps.findIndex(([size]) => abs >= size);
  if (index >= 0) {
    const [size, unit] = steps[index];
    const scaled = Math.round((abs / size) * 10) / 10;
    const bigger = steps[index - 1];
    magnitude =
      bigger && scaled * size >= bigger[0]
        ? `${(Math.round((abs / bigger[0]) * 10) / 10).toLocaleString(lang, { maximumFractionDigits: 1 })}${bigger[1]}`
        : `${scaled.toLocaleString(lang, { maximumFractionDigits: 1 })}${unit}`;
  }
  return signed(number < 0, magnitude);
}
