// The one place failed commands are shown: any part of the app calls showError(thrown)
// and the ErrorDialog displays it. Nothing the user typed is touched.
import type { AppError } from "../lib/bindings";
import { asAppError } from "../lib/api";

export const errorState = $state<{ current: AppError | null }>({ current: null });

/** Shows the error inside anything thrown by a command (or an unexpected failure). */
export function showError(thrown: unknown): void {
  errorState.current = asAppError(thrown);
}

export function closeError(): void {
  errorState.current = null;
}
