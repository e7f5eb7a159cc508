// Dates from the store are UTC ISO 8601; people read them in their own time zone.
import { locale } from "../lib/i18n/index.svelte";

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "18 Feb 2025, 14:02" / "2025年2月18日 14:02"; "—" when unknown. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  if (!date) return "—";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "14:02" today, else the date and time. */
export function formatSavedTime(iso: string | null | undefined, now = new Date()): string {
  const date = parse(iso);
  if (!date) return "—";
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(locale(), { timeStyle: "short" }).format(date);
  }
  return formatDateTime(iso);
}
