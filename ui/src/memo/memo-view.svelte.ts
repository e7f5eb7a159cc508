// Whether the memo view is showing instead of the editor, and the memo's options (kept while
// the app runs, so reopening the view shows the same memo).
import type { MemoLang, MemoStatus } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";

class MemoView {
  open = $state(false);
  lang = $state<MemoLang>("en");
  status = $state<MemoStatus>("draft");
}

export const memoView = new MemoView();

export function openMemo(): void {
  if (workspace.deal) memoView.open = true;
}

export function closeMemo(): void {
  memoView.open = false;
}

export function toggleMemo(): void {
  if (memoView.open) closeMemo();
  else openMemo();
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/** Ctrl+M opens or closes the memo; Escape closes it (outside dialogs). */
export function handleMemoShortcut(event: KeyboardEvent): void {
  if (!workspace.deal || inDialog(event.target)) return;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "m") {
    event.preventDefault();
    toggleMemo();
  } else if (plain && event.key === "Escape" && memoView.open) {
    event.preventDefault();
    closeMemo();
  }
}
