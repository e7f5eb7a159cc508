// A yes/no question asked in the app's own dialog (window.confirm blocks and cannot be
// styled or translated). ConfirmDialog renders `confirmState.current`.
export type ConfirmRequest = {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  resolve: (yes: boolean) => void;
};

export const confirmState = $state<{ current: ConfirmRequest | null }>({ current: null });

/** Asks; resolves true when the user confirms, false when they cancel. */
export function confirmAction(request: Omit<ConfirmRequest, "resolve">): Promise<boolean> {
  // A question already open is answered "no" rather than left hanging.
  confirmState.current?.resolve(false);
  return new Promise((resolve) => {
    confirmState.current = { ...request, resolve };
  });
}

export function answerConfirm(yes: boolean): void {
  const request = confirmState.current;
  confirmState.current = null;
  request?.resolve(yes);
}
