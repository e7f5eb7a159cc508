// The memo's export formats: what the save dialog offers and the default file name.
import type { MemoFileFormat } from "../lib/bindings";

/** An export button: a memo format, or the Excel model. */
export type ExportKind = MemoFileFormat | "xlsx";

export const EXPORT_KINDS: ExportKind[] = ["pdf", "docx", "md", "xlsx"];

const EXTENSIONS: Record<ExportKind, string> = { pdf: "pdf", docx: "docx", md: "md", xlsx: "xlsx" };
const FILTER_NAMES: Record<ExportKind, string> = { pdf: "PDF", docx: "Word", md: "Markdown", xlsx: "Excel" };

/** Characters file systems refuse (Windows is the strictest), and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** `Kenya e-3W CKD JV.pdf` from the deal name; `deal.pdf` when the name leaves nothing. */
export function defaultFileName(dealName: string, kind: ExportKind): string {
  const base = dealName.replace(UNSAFE, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return `${base || "deal"}.${EXTENSIONS[kind]}`;
}

/** The save dialog's filter for one kind. */
export function saveFilter(kind: ExportKind): { name: string; extensions: string[] } {
  return { name: FILTER_NAMES[kind], extensions: [EXTENSIONS[kind]] };
}

/** The SVG page as an image source: the CSP allows `data:` images, and an <img> never runs
 *  scripts or fetches, so the page cannot reach the app. */
export function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** 1.2 MB, 340 kB, 812 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} B`;
}
