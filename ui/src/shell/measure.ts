// The edit-to-results measure: from the last edit to the results panel having painted the
// evaluation of it. The end-to-end test reads it from window.__jvLastEditToResultsMs and
// from the performance timeline ("edit-to-results").
import { tick } from "svelte";
import { session } from "./session.svelte";

declare global {
  interface Window {
    __jvLastEditToResultsMs?: number;
  }
}

let measuredEdit = 0;

/** Call after workspace.evaluation changed; `editAt` is workspace.lastEditAt. */
export async function measureEditToResults(editAt: number): Promise<void> {
  // Evaluations that follow a load, not an edit, or an edit already measured, are skipped.
  if (editAt <= 0 || editAt === measuredEdit) return;
  measuredEdit = editAt;
  await tick();
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const end = performance.now();
  try {
    const entry = performance.measure("edit-to-results", { start: editAt, end });
    record(entry?.duration ?? end - editAt);
  } catch {
    record(end - editAt);
  }
}

function record(ms: number) {
  session.lastEditToResultsMs = ms;
  window.__jvLastEditToResultsMs = ms;
}

/** A deal was opened: the edit before it belongs to the old deal and is not measured. */
export function forgetEdit(editAt: number): void {
  measuredEdit = editAt;
}

let listReadyMarked = false;

/** Marks the first time the home list shows data. */
export function markDealListReady(): void {
  if (listReadyMarked) return;
  listReadyMarked = true;
  performance.mark("deal-list-ready");
}
