// Global keys while a deal is open. Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y always act on the whole
// deal through the workspace (the browser's own undo is prevented): every keystroke in a
// field is already a workspace edit, so native undo would only desynchronise the field
// from the deal. Inside a dialog (the save note, a duplicate name…) the keys are left to
// the browser, since those texts are not part of the deal. Ctrl+S opens "Save version".
import { workspace } from "../lib/state/workspace.svelte";
import { session } from "./session.svelte";

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

export function handleShortcut(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  if (!workspace.deal || inDialog(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === "z" && !event.shiftKey) {
    event.preventDefault();
    if (!workspace.readOnly) workspace.undo();
  } else if ((key === "z" && event.shiftKey) || (key === "y" && !event.shiftKey)) {
    event.preventDefault();
    if (!workspace.readOnly) workspace.redo();
  } else if (key === "s" && !event.shiftKey) {
    event.preventDefault();
    if (!workspace.readOnly) session.saveOpen = true;
  }
}
