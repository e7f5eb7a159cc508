// As-of dates of preset values ("2025-02-18", "2025-02", "2025") in the UI language. A
// date that does not read is shown as written rather than guessed at.
import { locale } from "../lib/i18n/index.svelte";

type Parts = { year: number; month: number | null; day: number | null };

function parts(asOf: string): Parts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(asOf.trim());
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year: Number(match[1]), month, day };
}

function intl(): string {
  return locale() === "zh-CN" ? "zh-CN" : "en-US";
}

/** "18 Feb 2025" / "2025年2月18日" for 2025-02-18, "Feb 2025" for 2025-02, "2025" for 2025. */
export function formatAsOf(asOf: string): string {
  const p = parts(asOf);
  if (!p) return asOf.trim() || "—";
  if (p.month === null) return String(p.year);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    p.day === null
      ? { year: "numeric", month: "short", timeZone: "UTC" }
      : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" };
  return date.toLocaleDateString(intl(), options);
}

/** The month and year only ("Feb 2025"), for "data from Feb 2025". */
export function formatMonth(asOf: string): string {
  const p = parts(asOf);
  if (!p) return asOf.trim() || "—";
  if (p.month === null) return String(p.year);
  return new Date(Date.UTC(p.year, p.month - 1, 1)).toLocaleDateString(intl(), {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}
